package app.soapstone.service;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code service add|list|edit|retire}: what the clinic offers, booked with {@code appointment book --service}. */
@Component
class ServiceCommands {

    private static final String GROUP = "Services";
    private static final String MINUTES = "Usual length in minutes, " + Services.MIN_MINUTES + " to "
            + Services.MAX_MINUTES + ": the length of an appointment booked for it without --minutes";
    private static final String PRICE = "Its price in the clinic's currency (clinic set --currency), e.g. 120.00";
    private static final String TAX_RATE = "Tax charged on the price, in percent (0 to 100, up to 3 decimals), e.g. 13";
    private static final String TAX_NAME = "The tax's name on receipts, e.g. HST, GST (required with --tax-rate)";
    private static final String CODES = "Procedure codes it is billed under, e.g. 97124,97140 (see billing codes)";

    private final Services services;
    private final Screen screen;
    private final Clock clock;

    ServiceCommands(Services services, Screen screen, Clock clock) {
        this.services = services;
        this.screen = screen;
        this.clock = clock;
    }

    @Command(name = "service add", group = GROUP, description = "Add a service the clinic offers and print its id")
    String add(@Option(longName = "name", required = true,
                    description = "Its name, one line, e.g. \"Remedial massage 60 min\" (unique, case aside)") String name,
            @Option(longName = "minutes", required = true, description = MINUTES) int minutes,
            @Option(longName = "price", description = PRICE) String price,
            @Option(longName = "tax-rate", description = TAX_RATE) String taxRate,
            @Option(longName = "tax-name", description = TAX_NAME) String taxName,
            @Option(longName = "codes", description = CODES) String codes) {
        OfferedService added = services.add(name, minutes, price, taxRate, taxName, codes);
        return "Added service " + added.id() + ": " + added.described()
                + ". Book it with: appointment book --client N --at ... --service " + added.id();
    }

    @Command(name = "service list", group = GROUP, description = "List the services offered (with --all, retired ones too)")
    String list(@Option(longName = "all", description = "Include retired services") boolean all) {
        List<OfferedService> list = services.list(all);
        if (list.isEmpty()) {
            return "No services " + (all ? "yet" : "offered") + ". Add one with: service add --name ... --minutes 60";
        }
        // Price and tax once a service has a price, so a clinic that charges none sees no empty columns.
        boolean priced = list.stream().anyMatch(s -> s.fee().priced());
        boolean coded = list.stream().anyMatch(s -> !s.codes().isEmpty());
        List<List<String>> rows = list.stream().map(s -> {
            List<String> row = new ArrayList<>(List.of(String.valueOf(s.id()), s.name(), String.valueOf(s.minutes())));
            if (priced) {
                row.add(s.fee().priced() ? s.fee().price().toString() : "");
                row.add(s.fee().taxLabel());
            }
            if (coded) {
                row.add(String.join(", ", s.codes()));
            }
            if (all) {
                row.add(s.offered() ? "" : LocalDate.ofInstant(s.retiredAt(), clock.getZone()).toString());
            }
            return row;
        }).toList();
        List<String> header = new ArrayList<>(List.of("ID", "Name", "Minutes"));
        if (priced) {
            header.addAll(List.of("Price", "Tax"));
        }
        if (coded) {
            header.add("Codes");
        }
        if (all) {
            header.add("Retired");
        }
        return Tables.render(header, rows, screen.width());
    }

    @Command(name = "service edit", group = GROUP, description = "Rename a service, change its usual length or its fee")
    String edit(@Argument(index = 0, description = "Service id") long service,
            @Option(longName = "name", description = "Its new name, one line (unique, case aside)") String name,
            @Option(longName = "minutes", description = MINUTES) Integer minutes,
            @Option(longName = "price", description = PRICE + "; '' clears it and its tax") String price,
            @Option(longName = "tax-rate", description = TAX_RATE + "; 0 or '' clears the tax") String taxRate,
            @Option(longName = "tax-name", description = TAX_NAME) String taxName,
            @Option(longName = "codes", description = CODES + "; '' clears them") String codes) {
        return "Changed service " + service + ": "
                + services.edit(service, name, minutes, price, taxRate, taxName, codes).described()
                + ". Appointments already booked keep their length.";
    }

    @Command(name = "service retire", group = GROUP,
            description = "Stop offering a service (kept, with its appointments; no longer booked)")
    String retire(@Argument(index = 0, description = "Service id") long service) {
        return "Retired service " + service + ": " + services.retire(service).label()
                + ". Appointments booked for it keep it; it can no longer be booked.";
    }
}
