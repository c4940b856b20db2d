package id.gerai.document.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes key pairs and X.509 certificates for keys Gerai generates itself: the local demonstration CA and the
 * agency or official keys it certifies (and, in tests, a stand-in BSrE and timestamp authority). Such
 * certificates are "uncertified" in the sense of PP 71/2019; production uses keys from a recognised CA.
 */
final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** A key and its certificate chain, the key's own certificate first. */
    record Issued(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X500Name name(String commonName, String organization, String unit) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "ID");
        if (organization != null && !organization.isBlank()) {
            b.addRDN(BCStyle.O, organization);
        }
        if (unit != null && !unit.isBlank()) {
            b.addRDN(BCStyle.OU, unit);
        }
        return b.addRDN(BCStyle.CN, commonName).build();
    }

    /** A self-signed CA certificate valid for {@code validity}. */
    static X509Certificate selfSignedCa(KeyPair pair, X500Name subject, Duration validity) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minusSeconds(3600)),
                    Date.from(now.plus(validity)), subject, pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(Pades.algorithm(pair.getPrivate())).build(pair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a CA certificate", e);
        }
    }

    /** A certificate for {@code subject}'s key, signed by the CA: document signing, or timestamping when {@code tsa}. */
    static X509Certificate issue(KeyPair subjectKeys, X500Name subject, PrivateKey caKey, X509Certificate ca,
                                 Duration validity, boolean tsa) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(3600)),
                    Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
            if (tsa) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(Pades.algorithm(caKey)).build(caKey)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a certificate", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }
}
