#!/usr/bin/env bash
# Gives this machine a real printer for Soapstone's print tests: a CUPS scheduler with a cups-pdf
# virtual printer that writes each job as a PDF into one fixed folder. CI runs it before the
# build; it is safe to run again (it only adds or starts what is missing) and needs root or sudo.
#
# Prints the output folder on stdout (everything else goes to stderr), so CI can do
#   print_dir="$(src/build/setup-printer.sh)"    # not inside 'export': that would hide a failure
#   export SOAPSTONE_TEST_PRINT_DIR="$print_dir"
# The print test reads the printed copies from $SOAPSTONE_TEST_PRINT_DIR (default
# /var/spool/cups-pdf/soapstone) and prints to $SOAPSTONE_TEST_PRINTER (default SoapstonePDF).
# Set either variable before running this script to use another folder or printer name.
#
# The folder is outside any HOME on purpose: cups-pdf's Debian default is ~/PDF, and tests must
# never read a user's home.
set -euo pipefail

printer="${SOAPSTONE_TEST_PRINTER:-SoapstonePDF}"
out="${SOAPSTONE_TEST_PRINT_DIR:-/var/spool/cups-pdf/soapstone}"
# noopt: cups-pdf's own settings (PDF 1.4); the _opt PPD sets PDF 1.2 through its option menu.
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
conf=/etc/cups/cups-pdf.conf

say() { echo "setup-printer: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# cups: the scheduler; cups-bsd: /usr/bin/lpr, which Java's print service runs to send a job;
# printer-driver-cups-pdf: the virtual printer (bookworm has no package called cups-pdf).
missing=()
for package in cups cups-bsd printer-driver-cups-pdf; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
for file in /usr/sbin/cupsd /usr/bin/lpr /usr/sbin/lpadmin /usr/bin/pdftocairo "$ppd" "$conf"; do
  if [ ! -e "$file" ]; then
    say "error: $file is missing after installing cups, cups-bsd and printer-driver-cups-pdf"
    exit 1
  fi
done

# Where cups-pdf writes: one fixed folder. Sticky and writable by all, like cups-pdf's own
# ANONYMOUS folder, because cups-pdf writes as the user who printed; each file is that user's
# only (cups-pdf's UserUMask 0077). Label 1 puts the job id in front of each file name, so a
# second copy of a plan never replaces the first.
as_root mkdir -p "$out"
as_root chmod 1777 "$out"
set_option() {
  local key="$1" value="$2"
  if ! grep -qx "$key $value" "$conf"; then
    if grep -qE "^#?$key( |\$)" "$conf"; then
      as_root sed -i -E "s|^#?$key( .*)?\$|$key $value|" "$conf"
    else
      echo "$key $value" | as_root tee -a "$conf" >/dev/null
    fi
  fi
}
set_option Out "$out"
set_option Label 1

# No systemd here: start the scheduler by hand (it goes to the background) and wait for it.
if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  say "starting cupsd"
  as_root /usr/sbin/cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.2
  done
  if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    say "error: cupsd did not start (see /var/log/cups/error_log)"
    exit 1
  fi
fi

# -E after -p enables the printer and lets it accept jobs; running lpadmin again updates it.
# cups-pdf re-renders each job (PDF to PostScript to PDF). CUPS's default PDF-to-PostScript step
# (Ghostscript's ps2write) turns the plan's embedded fonts into Type 3 fonts whose text no longer
# extracts, whichever cups-pdf PPD is used; through pdftocairo the printed copy keeps its text,
# so the test can read the client's name back. This only matters for a virtual printer: paper
# does not care.
as_root lpadmin -p "$printer" -E -v cups-pdf:/ -P "$ppd" -o pdftops-renderer-default=pdftocairo
as_root lpadmin -d "$printer"
say "printer $printer is the default; printed copies go to $out"
lpstat -p "$printer" -d >&2

echo "$out"
