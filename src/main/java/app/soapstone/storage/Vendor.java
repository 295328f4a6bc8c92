package app.soapstone.storage;

/** The two databases Soapstone keeps records in; each has its own migrations. */
public enum Vendor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /** Where Flyway finds this vendor's migrations: {@code db/migration/{vendor}}, as Spring Boot names it. */
    String migrations() {
        return "classpath:db/migration/" + folder;
    }
}
