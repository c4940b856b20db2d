package id.gerai.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * PAdES baseline signatures with PDFBox and BouncyCastle: the PDF gets one incremental update with a signature
 * dictionary ({@code ETSI.CAdES.detached}) whose byte range covers the whole file but the signature itself,
 * and a detached CMS SignedData over those bytes with the signing-certificate-v2 attribute and no
 * signing-time attribute (PAdES puts the claimed time in the dictionary's {@code /M}): level B-B. With a
 * timestamp authority, the signature value gets an RFC 3161 signature timestamp as an unsigned attribute: B-T.
 *
 * <p>Used by the PKCS#12 signer, and by the tests' stand-in for a remote signing service.
 */
final class Pades {

    /** Bytes reserved for the CMS structure: a chain of three 4096-bit certificates fits. */
    static final int RESERVED = 9_000;
    /** With a signature timestamp: the token and the TSA's certificates too. */
    static final int RESERVED_TIMESTAMPED = 20_000;

    private Pades() {
    }

    /** Makes the CMS signature of the bytes a PDF signature covers. */
    interface CmsMaker {
        byte[] sign(byte[] signedBytes);
    }

    /**
     * Signs {@code pdf}: returns it followed by an incremental update with the signature.
     *
     * @param name the signer's name in the signature dictionary
     */
    static byte[] sign(byte[] pdf, String name, String reason, String location, Instant at, CmsMaker cms) {
        return sign(pdf, name, reason, location, at, RESERVED, cms);
    }

    /** As above, reserving {@code reserved} bytes for the CMS structure. */
    static byte[] sign(byte[] pdf, String name, String reason, String location, Instant at, int reserved, CmsMaker cms) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli() / 1000 * 1000);
            signature.setSignDate(when);
            options.setPreferredSignatureSize(reserved);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 8192);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content = external.getContent().readAllBytes();
            byte[] cmsBytes = cms.sign(content);
            if (cmsBytes.length > reserved) {
                throw new IllegalStateException("CMS signature of " + cmsBytes.length + " bytes exceeds the " + reserved + " reserved");
            }
            external.setSignature(cmsBytes);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A detached CMS SignedData over {@code content} by {@code key}, carrying {@code chain} (signing certificate
     * first), the signing-certificate-v2 attribute, and a signature timestamp when {@code tsa} is not null.
     */
    static byte[] cms(byte[] content, PrivateKey key, List<X509Certificate> chain, TimestampClient tsa) {
        try {
            X509Certificate cert = chain.getFirst();
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(key)).build(key);
            AttributeTable essAttributes = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(signingCertificateV2(cert))));
            CMSAttributeTableGenerator base = new DefaultSignedAttributeTableGenerator(essAttributes);
            CMSAttributeTableGenerator withoutSigningTime = params -> base.getAttributes(params).remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(contentSigner, cert));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            if (tsa != null) {
                signed = timestamped(signed, tsa);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("CMS signature failed", e);
        }
    }

    private static CMSSignedData timestamped(CMSSignedData signed, TimestampClient tsa) throws IOException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = tsa.timestamp(sha256(signer.getSignature()));
            ASN1EncodableVector unsigned = new ASN1EncodableVector();
            unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
            signers.add(SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
    }

    private static SigningCertificateV2 signingCertificateV2(X509Certificate cert) throws CertificateEncodingException {
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
                cert.getSerialNumber());
        // SHA-256 is the default hash algorithm of ESSCertIDv2, so it is left out of the encoding
        return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(sha256(cert.getEncoded()), issuerSerial)});
    }

    static String algorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("Unsupported key algorithm " + key.getAlgorithm());
        };
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes));
    }
}
