package org.roundtable.web.register;

import org.roundtable.web.services.Api;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;

/** The register's decisions as an Atom (RFC 4287) feed, newest first: one entry per decision, its summary as the text. */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    private AtomFeed() {
    }

    static String of(Api.Register register, String site) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", site + "/register");
            element(xml, "title", "Roundtable: decisions");
            Instant updated = register.decisions().isEmpty() ? register.generatedAt() : register.decisions().get(0).decidedAt();
            element(xml, "updated", String.valueOf(updated));
            link(xml, "self", site + "/register/feed.atom");
            link(xml, "alternate", site + "/register");
            xml.writeStartElement("author");
            element(xml, "name", "Roundtable");
            xml.writeEndElement();
            for (Api.RegisteredDecision decision : register.decisions().stream().limit(ENTRIES).toList()) {
                xml.writeStartElement("entry");
                element(xml, "id", site + "/register/" + decision.caseId());
                element(xml, "title", outcome(decision.outcome()) + ": " + decision.title());
                element(xml, "updated", String.valueOf(decision.decidedAt()));
                link(xml, "alternate", site + "/register/" + decision.caseId());
                if (decision.serviceArea() != null) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", decision.serviceArea().toLowerCase(Locale.ROOT));
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(decision.summary() == null ? "" : decision.summary());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException unwritable) {
            throw new IllegalStateException(unwritable);
        }
        return text.toString();
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "Closed";
        }
        return switch (outcome) {
            case "APPROVED" -> "Approved";
            case "REJECTED" -> "Rejected";
            case "NO_QUORUM" -> "Closed without quorum";
            case "WITHDRAWN" -> "Closed, proposal withdrawn";
            default -> outcome;
        };
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
