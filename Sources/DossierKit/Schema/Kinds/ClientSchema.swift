/// `clients/<id>.md`. Client pages exist only in the internal wiki.
public enum ClientSchema {
    public static let name = SchemaKey<String>.text("name", required: true, "the client's name")
    public static let industry = SchemaKey<String>.text("industry", "the client's industry")
    public static let contact = SchemaKey<String>.text("contact", "the person to talk to")

    public static let declaration = SchemaDeclaration([name.erased, industry.erased, contact.erased])
}
