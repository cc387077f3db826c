package com.partnerflow.processowner.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads uploaded XML with a parser that refuses any document type declaration, and so every
 * external entity (XXE) and every entity expansion (billion laughs), before another parser (Zeebe's
 * model reader, the engine) sees the bytes. BPMN and DMN never need a DTD.
 */
final class SafeXml {

  private SafeXml() {}

  /** Why a file is not acceptable XML; the message names the reason for a person. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  static Document parse(byte[] content) throws Refused {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("DOCTYPE")) {
        throw new Refused(
            "contains a document type declaration (DOCTYPE), which can define entities; BPMN, DMN"
                + " and forms never need one");
      }
      throw new Refused("is not well-formed XML (line " + e.getLineNumber() + "): " + message);
    } catch (SAXException | IOException e) {
      throw new Refused("cannot be read as XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be hardened", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** The default handler prints to stderr; the exception carries the reason anyway. */
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      };
}
