package id.gerai.document.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks the signature of a PDF the way a relying party would, without trusting anything the file says about
 * itself: the last signature's byte range must start at 0, end at the end of the file and leave out only the
 * hex string of the signature; the CMS SignedData must verify (its message digest equals the SHA-256 of the
 * covered bytes, and the signature over its signed attributes checks with the certificate it names); a
 * signature timestamp, if any, must be over this signature value and verify with its own certificate.
 *
 * <p>Whether the certificate is one Gerai trusts is the caller's question (see {@link DocumentService}); this
 * class reports the certificate. It never throws on a malformed file: it reports what it could establish.
 */
final class SignatureCheck {

    /** The verification token, found in the file's metadata (Info subject and XMP, both uncompressed). */
    private static final Pattern TOKEN = Pattern.compile("/verify/([0-9a-z]{26})");

    private SignatureCheck() {
    }

    /**
     * @param signatures    how many signatures the file has
     * @param valid         the last signature verifies cryptographically over the bytes it covers
     * @param wholeDocument the last signature covers the whole file (nothing appended after signing)
     * @param certificate   the signing certificate named by the signature, if it could be read
     * @param timestampedAt the time of a verified signature timestamp, or {@code null}
     * @param token         the verification token in the file, if any (also from a damaged file)
     */
    record Report(int signatures, boolean valid, boolean wholeDocument, X509Certificate certificate, Instant signedAt,
                  Instant timestampedAt, String token) {

        boolean intact() {
            return signatures == 1 && valid && wholeDocument;
        }
    }

    static Report inspect(byte[] pdf) {
        String token = token(pdf).orElse(null);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> all = doc.getSignatureDictionaries();
            if (all.isEmpty()) {
                return new Report(0, false, false, null, null, null, token);
            }
            PDSignature signature = all.getLast();
            int[] range = signature.getByteRange();
            boolean wholeDocument = coversWholeFile(range, pdf);
            Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            byte[] contents;
            byte[] signed;
            try {
                contents = signature.getContents(pdf);
                signed = signature.getSignedContent(pdf);
            } catch (IOException | RuntimeException e) {
                return new Report(all.size(), false, false, null, signedAt, null, token);
            }
            return cms(all.size(), contents, signed, wholeDocument, signedAt, token);
        } catch (IOException | RuntimeException e) {
            return new Report(0, false, false, null, null, null, token);
        }
    }

    private static Report cms(int count, byte[] contents, byte[] signed, boolean wholeDocument, Instant signedAt, String token) {
        X509Certificate certificate = null;
        boolean valid = false;
        Instant timestampedAt = null;
        try {
            CMSSignedData cms = parse(contents, signed);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() == 1) {
                SignerInformation signer = signers.iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
                if (!matches.isEmpty()) {
                    X509CertificateHolder holder = matches.iterator().next();
                    certificate = x509(holder.getEncoded());
                    valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
                    if (valid) {
                        timestampedAt = timestamp(signer);
                    }
                }
            }
        } catch (Exception e) {
            valid = false; // malformed CMS, digest mismatch, wrong key: all mean "not valid"
        }
        return new Report(count, valid, wholeDocument, certificate, signedAt, timestampedAt, token);
    }

    /**
     * The CMS structure in a signature's {@code /Contents}, which is padded with zeros to its reserved size;
     * anything but zeros after the structure is refused.
     *
     * @param signed the bytes the signature covers, or {@code null} to read the structure only
     */
    static CMSSignedData parse(byte[] contents, byte[] signed) throws IOException, org.bouncycastle.cms.CMSException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            org.bouncycastle.asn1.ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new IOException("empty signature");
            }
            int length = object.getEncoded().length;
            for (int i = length; i < contents.length; i++) {
                if (contents[i] != 0) {
                    throw new IOException("data after the signature");
                }
            }
            org.bouncycastle.asn1.cms.ContentInfo info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(object);
            return signed == null ? new CMSSignedData(info) : new CMSSignedData(new CMSProcessableByteArray(signed), info);
        }
    }

    /** The byte range {@code [0, a, b, c]} spans the file, leaving out exactly the {@code <hex>} signature string. */
    static boolean coversWholeFile(int[] range, byte[] pdf) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0) {
            return false;
        }
        long end = (long) range[2] + range[3];
        if (end != pdf.length) {
            return false;
        }
        if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
            return false;
        }
        for (int i = range[1] + 1; i < range[2] - 1; i++) {
            byte b = pdf[i];
            boolean hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** The time of a signature timestamp over this signature value that verifies with its TSA certificate. */
    private static Instant timestamp(SignerInformation signer) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return null;
        }
        Attribute attribute = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
            if (!Arrays.equals(imprint, Pades.sha256(signer.getSignature()))) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
            if (tsa.isEmpty()) {
                return null;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.iterator().next()));
            return token.getTimeStampInfo().getGenTime().toInstant();
        } catch (Exception e) {
            return null;
        }
    }

    static Optional<String> token(byte[] pdf) {
        Matcher m = TOKEN.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static X509Certificate x509(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
