package app.soapstone.storage;

import app.soapstone.validation.InvalidInputException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A PostgreSQL database named the way libpq names one ({@code postgresql://host:5432/clinic},
 * {@code postgres://...}) or as a JDBC URL ({@code jdbc:postgresql://...}), turned into the URL
 * the PostgreSQL JDBC driver reads. What the address leaves out comes from the libpq variables
 * (PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE, PGSERVICE...), as {@code psql} would take it.
 * Passwords never come from here: the driver reads them from the password file
 * ({@code ~/.pgpass} or PGPASSFILE) and the service file, which {@link #passwordFile} and
 * {@link #serviceFile} name. Pure parsing: nothing here loads the driver.
 */
public record PostgresAddress(String url, List<String> hosts, String database, String user, String service,
                              Path passwordFile, Path serviceFile) {

    static final int DEFAULT_PORT = 5432;

    /** libpq's URI parameters that the JDBC driver knows under another name. */
    private static final Map<String, String> DRIVER_NAMES = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType");

    /** The libpq variables that supply what an address leaves out, and the parameter each one fills. */
    private static final Map<String, String> PARAMETER_VARIABLES = orderedMap(
            "PGSSLMODE", "sslmode", "PGSSLROOTCERT", "sslrootcert", "PGSSLCERT", "sslcert", "PGSSLKEY", "sslkey",
            "PGAPPNAME", "application_name", "PGCONNECT_TIMEOUT", "connect_timeout", "PGOPTIONS", "options",
            "PGTARGETSESSIONATTRS", "target_session_attrs");

    /** Whether {@code value} (of SOAPSTONE_DB) names a PostgreSQL database rather than a SQLite file. */
    public static boolean isPostgres(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql:");
    }

    /**
     * The database {@code value} names, completed from the libpq variables in {@code env}; {@code home}
     * is the user's home folder, where {@code .pgpass} and {@code .pg_service.conf} are looked for.
     *
     * @throws InvalidInputException when {@code value} holds a password or cannot be read
     */
    public static PostgresAddress parse(String value, Map<String, String> env, String home) {
        String text = value.strip();
        String rest = text.substring(text.indexOf(':') + 1);
        if (text.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            rest = rest.substring(rest.indexOf(':') + 1);
        }
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:clinic and jdbc:postgresql:/ name a database on the default host.
            rest = "//" + (rest.startsWith("/") ? "" : "/") + rest;
        }
        rest = rest.substring(2);
        int query = rest.indexOf('?');
        Map<String, String> parameters = parameters(query < 0 ? "" : rest.substring(query + 1));
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        String authority = slash < 0 ? path : path.substring(0, slash);
        String database = slash < 0 ? "" : decode(path.substring(slash + 1));
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            if (userInfo.contains(":")) {
                throw passwordRefused();
            }
            user = decode(userInfo);
            authority = authority.substring(at + 1);
        }
        if (parameters.containsKey("password")) {
            throw passwordRefused();
        }
        List<String> hosts = hosts(authority.isEmpty() ? List.of() : split(authority), parameters);

        user = first(user, parameters.remove("user"));
        database = first(database.isEmpty() ? null : database, parameters.remove("dbname"));
        String service = first(parameters.remove("service"), env.get("PGSERVICE"));
        PARAMETER_VARIABLES.forEach((variable, parameter) -> {
            if (!parameters.containsKey(parameter) && present(env.get(variable))) {
                parameters.put(parameter, env.get(variable));
            }
        });
        if (service == null) {
            // libpq's defaults come after the service file's settings, so only without a service.
            if (hosts.isEmpty()) {
                hosts = defaultHosts(env);
            }
            user = first(user, env.get("PGUSER"), env.get("USER"), env.get("USERNAME"));
            database = first(database, env.get("PGDATABASE"), user);
        }
        for (String host : hosts) {
            if (host.startsWith("/")) {
                throw invalid("names the Unix socket folder "
                        + host + "; Soapstone reaches PostgreSQL over TCP: give a host name such as localhost");
            }
        }
        Path passwordFile = passwordFile(first(parameters.remove("passfile"), env.get("PGPASSFILE")), home);
        Path serviceFile = serviceFile(env, home);
        return new PostgresAddress(jdbcUrl(hosts, database, user, service, parameters), List.copyOf(hosts),
                database, user, service, passwordFile, serviceFile);
    }

    /** A one-line description for messages: the server and database, never a password. */
    @Override
    public String toString() {
        if (hosts.isEmpty()) {
            return "the PostgreSQL service " + service;
        }
        return "postgresql://" + String.join(",", hosts) + "/" + (database == null ? "" : database);
    }

    /**
     * The name of this database's folder under the data folder, for its log, history and anchors:
     * the first host, its port and the database ({@code db.example.org-5432-clinic}), or the service.
     */
    public String folderName() {
        String name = hosts.isEmpty() ? "service-" + service
                : hosts.getFirst().replaceFirst(":(\\d+)$", "-$1") + "-" + (database == null ? "" : database);
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException(DataLocation.DATABASE_VARIABLE + " " + problem + ".");
    }

    private static InvalidInputException passwordRefused() {
        return invalid("holds a password; leave it out and"
                + " put it in ~/.pgpass (or the file PGPASSFILE names) as host:port:database:user:password");
    }

    /** Each host with its port ({@code db:5432}, {@code [::1]:5432}); ports pair with hosts as libpq pairs them. */
    private static List<String> hosts(List<String> given, Map<String, String> parameters) {
        List<String> names = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String entry : given) {
            String host = entry;
            String port = null;
            int close = entry.lastIndexOf(']');
            int colon = entry.lastIndexOf(':');
            if (colon > close && (close >= 0 || entry.indexOf(':') == colon)) {
                host = entry.substring(0, colon);
                port = entry.substring(colon + 1);
            }
            names.add(decode(host));
            ports.add(port);
        }
        String hostParameter = parameters.remove("host");
        if (hostParameter != null && names.isEmpty()) {
            split(hostParameter).forEach(name -> {
                names.add(name);
                ports.add(null);
            });
        }
        String portParameter = parameters.remove("port");
        List<String> listed = portParameter == null ? List.of() : split(portParameter);
        if (!listed.isEmpty()) {
            for (int i = 0; i < ports.size(); i++) {
                ports.set(i, first(ports.get(i), listed.get(Math.min(i, listed.size() - 1))));
            }
        }
        return withPorts(names, ports);
    }

    private static List<String> defaultHosts(Map<String, String> env) {
        List<String> names = present(env.get("PGHOST")) ? split(env.get("PGHOST")) : List.of("localhost");
        List<String> ports = new ArrayList<>();
        List<String> listed = present(env.get("PGPORT")) ? split(env.get("PGPORT")) : List.of();
        for (int i = 0; i < names.size(); i++) {
            ports.add(listed.isEmpty() ? null : listed.get(Math.min(i, listed.size() - 1)));
        }
        return withPorts(names, ports);
    }

    private static List<String> withPorts(List<String> names, List<String> ports) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.contains(":") && !name.startsWith("[")) {
                name = "[" + name + "]";
            }
            String port = present(ports.get(i)) ? ports.get(i) : String.valueOf(DEFAULT_PORT);
            if (!port.chars().allMatch(Character::isDigit)) {
                throw invalid("has the port \"" + port + "\"; a port is a number such as " + DEFAULT_PORT);
            }
            hosts.add(name + ":" + port);
        }
        return hosts;
    }

    private static String jdbcUrl(List<String> hosts, String database, String user, String service,
                                  Map<String, String> parameters) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(String.join(",", hosts));
        if (database != null) {
            url.append('/').append(encode(database));
        } else if (!hosts.isEmpty()) {
            url.append('/');
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (user != null) {
            query.add("user=" + encode(user));
        }
        if (service != null) {
            query.add("service=" + encode(service));
        }
        parameters.forEach((name, value) -> query.add(DRIVER_NAMES.getOrDefault(name, name) + "="
                + encode(name.equals("target_session_attrs") ? serverType(value) : value)));
        return url.append(query).toString();
    }

    /** libpq's target_session_attrs in the driver's words. */
    private static String serverType(String value) {
        return switch (value) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> value;
        };
    }

    /** PGPASSFILE (or {@code passfile=}), else {@code ~/.pgpass}, as libpq looks for it. */
    private static Path passwordFile(String named, String home) {
        return present(named) ? Path.of(DataLocation.expandHome(named, home)) : Path.of(home, ".pgpass");
    }

    /** PGSERVICEFILE, else {@code ~/.pg_service.conf} if it exists, else {@code pg_service.conf} in PGSYSCONFDIR. */
    private static Path serviceFile(Map<String, String> env, String home) {
        if (present(env.get("PGSERVICEFILE"))) {
            return Path.of(DataLocation.expandHome(env.get("PGSERVICEFILE"), home));
        }
        Path own = Path.of(home, ".pg_service.conf");
        if (Files.isReadable(own)) {
            return own;
        }
        return present(env.get("PGSYSCONFDIR")) ? Path.of(env.get("PGSYSCONFDIR"), "pg_service.conf") : null;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("has the parameter \"" + pair + "\" without a value; write name=value");
            }
            parameters.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** The items of a comma-separated list (hosts, ports), blanks left out. */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static String decode(String text) {
        try {
            // Percent-encoding only: a + in a libpq URI is a plus sign, not a space.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a broken %-escape in \"" + text + "\"; write % as %25");
        }
    }

    /** The driver decodes names and values with URLDecoder, which reads + as a space. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
