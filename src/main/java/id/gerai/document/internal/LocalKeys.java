package id.gerai.document.internal;

import id.gerai.platform.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PKCS#12 key files of the {@code pkcs12} signer, under {@code gerai.documents.keys.dir}:
 * {@code <tenant>/<agency>.p12} per agency, {@code <tenant>/<agency>/<account>.p12} per official, each with one
 * key entry (any alias) and its certificate chain, all protected by the one configured password. Files are
 * read once and cached until they change on disk, so an operator can replace a key without a restart.
 *
 * <p>With {@code generate} on, a missing file is made on first use: a local demonstration CA
 * ({@code ca.p12}) certifies a new RSA-2048 key whose certificate names the agency (or official) and tenant.
 * Private keys never leave these files; the database only learns the certificates.
 */
final class LocalKeys {

    private static final Logger log = LoggerFactory.getLogger(LocalKeys.class);
    private static final String ALIAS = "gerai";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration KEY_VALIDITY = Duration.ofDays(1095);

    private final Path dir;
    private final char[] password;
    private final boolean generate;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    /** A key with its chain (the key's certificate first). */
    record KeyEntry(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.getFirst();
        }
    }

    private record Cached(FileTime modified, KeyEntry entry) {
    }

    LocalKeys(Path dir, String configuredPassword, boolean generate) {
        this.dir = dir.toAbsolutePath().normalize();
        this.generate = generate;
        this.password = password(configuredPassword);
    }

    Path dir() {
        return dir;
    }

    boolean generates() {
        return generate;
    }

    Path agencyFile(TenantId tenant, UUID agency) {
        return dir.resolve(tenant.toString()).resolve(agency + ".p12");
    }

    Path officialFile(TenantId tenant, UUID agency, UUID account) {
        return dir.resolve(tenant.toString()).resolve(agency.toString()).resolve(account + ".p12");
    }

    /** The agency's key, made now if missing and generating. */
    KeyEntry agency(TenantId tenant, UUID agency, String agencyName, String tenantName) {
        return entry(agencyFile(tenant, agency), () -> Certificates.name(agencyName, tenantName, null));
    }

    /** The official's key if there is (or, generating, may be made) one; else the agency's. */
    KeyEntry official(TenantId tenant, UUID agency, UUID account, String officialName, String agencyName, String tenantName) {
        Path file = officialFile(tenant, agency, account);
        if (Files.exists(file) || generate) {
            return entry(file, () -> Certificates.name(officialName, tenantName, agencyName));
        }
        return agency(tenant, agency, agencyName, tenantName);
    }

    private KeyEntry entry(Path file, java.util.function.Supplier<org.bouncycastle.asn1.x500.X500Name> subject) {
        try {
            if (!Files.exists(file)) {
                if (!generate) {
                    throw new id.gerai.document.Signer.SigningFailed("signer-key-missing",
                            "No key file " + file + " (gerai.documents.keys.generate is off: place the agency's PKCS#12 file there)");
                }
                synchronized (this) {
                    if (!Files.exists(file)) {
                        KeyEntry ca = ca();
                        KeyPair pair = Certificates.rsa();
                        X509Certificate cert = Certificates.issue(pair, subject.get(), ca.key(), ca.certificate(), KEY_VALIDITY, false);
                        write(file, pair.getPrivate(), List.of(cert, ca.certificate()));
                        log.warn("Generated signing key {} ({}), certified by the local demonstration CA: uncertified "
                                + "under PP 71/2019; production installations place certified keys instead", file,
                                cert.getSubjectX500Principal().getName());
                    }
                }
            }
            FileTime modified = Files.getLastModifiedTime(file);
            Cached cached = cache.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.entry();
            }
            KeyEntry entry = read(file);
            cache.put(file, new Cached(modified, entry));
            return entry;
        } catch (IOException e) {
            throw new id.gerai.document.Signer.SigningFailed("signer-key-unreadable", "Cannot read key file " + file, e);
        }
    }

    /** The local demonstration CA, made on first use. */
    private KeyEntry ca() throws IOException {
        Path file = dir.resolve("ca.p12");
        if (!Files.exists(file)) {
            KeyPair pair = Certificates.rsa();
            X509Certificate cert = Certificates.selfSignedCa(pair,
                    Certificates.name("Gerai Demonstration CA (not certified)", "Gerai", null), CA_VALIDITY);
            write(file, pair.getPrivate(), List.of(cert));
        }
        return read(file);
    }

    private KeyEntry read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new KeyEntry(pk, List.copyOf(certs));
                }
            }
            throw new id.gerai.document.Signer.SigningFailed("signer-key-unreadable", "No private key entry in " + file);
        } catch (GeneralSecurityException e) {
            throw new id.gerai.document.Signer.SigningFailed("signer-key-unreadable",
                    "Cannot open " + file + " (wrong gerai.documents.keys.password?)", e);
        }
    }

    private void write(Path file, PrivateKey key, List<X509Certificate> chain) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".key-", ".tmp");
        try {
            ownerOnly(tmp);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            try {
                Files.move(tmp, file); // never over an existing key: a key once used must stay
            } catch (FileAlreadyExistsException e) {
                log.info("Key file {} appeared meanwhile; keeping it", file);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write key file " + file, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The configured password, or (generating) one made once and kept beside the keys, readable by the owner only. */
    private char[] password(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.toCharArray();
        }
        if (!generate) {
            throw new IllegalStateException("gerai.documents.keys.password (GERAI_KEYSTORE_PASSWORD) must be set when "
                    + "gerai.documents.keys.generate is off: it protects the agencies' PKCS#12 key files");
        }
        Path file = dir.resolve("keystore.password");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(dir, ".password-", ".tmp");
                ownerOnly(tmp);
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp); // another node won the race; use its password
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated key store password in " + file, e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions must protect the keys
        }
    }
}
