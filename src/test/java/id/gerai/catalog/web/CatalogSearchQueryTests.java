package id.gerai.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How a typed query is understood, without a database: normalising, synonyms, corrections, the tsquery. */
class CatalogSearchQueryTests {

    static final SearchVocabulary VOCABULARY = SearchVocabulary.standard();

    /** A lexicon holding {@code words}; "nearest" offers every word that shares a letter, like trigram neighbours would. */
    static CatalogQuery.Lexicon lexicon(String... words) {
        Set<String> all = Set.of(words);
        return new CatalogQuery.Lexicon() {
            @Override
            public Set<String> known(Collection<String> asked, Set<String> prefixes) {
                return asked.stream().filter(w -> all.contains(w) || (prefixes.contains(w) && all.stream().anyMatch(x -> x.startsWith(w))))
                        .collect(Collectors.toSet());
            }

            @Override
            public Map<String, List<String>> nearest(Collection<String> asked) {
                Map<String, List<String>> near = new HashMap<>();
                asked.forEach(w -> near.put(w, all.stream().filter(x -> x.charAt(0) == w.charAt(0)).sorted().toList()));
                return near;
            }
        };
    }

    static final CatalogQuery.Lexicon INDEX = lexicon("akta", "kelahiran", "lahir", "kartu", "keluarga", "izin", "reklame",
            "penyelenggaraan", "surat", "keterangan", "catatan", "kepolisian", "skck", "paspor", "perizinan", "berusaha", "usaha");

    @Test
    void normalisesCaseAccentsPunctuationAndSpellingVariants() {
        assertThat(VOCABULARY.normalize("  Akte-Kelahiran (BARU)! ")).isEqualTo("akta kelahiran baru");
        assertThat(VOCABULARY.normalize("Surat Ijin Praktek")).isEqualTo("surat izin praktik");
        assertThat(VOCABULARY.normalize("E-KTP / KTP-el")).isEqualTo("e ktp ktp el");
        assertThat(VOCABULARY.normalize("Sertipikat Tanah")).isEqualTo("sertifikat tanah");
        assertThat(VOCABULARY.normalize("Ja'far Café")).isEqualTo("jafar cafe");
    }

    @Test
    void abbreviationsAskForTheirLongFormsToo() {
        CatalogQuery q = CatalogQuery.analyze("KTP", VOCABULARY, INDEX);
        assertThat(q.groups()).hasSize(1);
        assertThat(q.groups().getFirst().alternatives()).contains("ktp", "kartu tanda penduduk", "ktp el");
        assertThat(q.allTerms()).startsWith("('ktp':* | ").contains("('kartu' & 'tanda' & 'penduduk')");

        CatalogQuery akta = CatalogQuery.analyze("akte lahir", VOCABULARY, INDEX);
        assertThat(akta.groups()).hasSize(1);
        assertThat(akta.groups().getFirst().alternatives()).containsSequence("akta lahir").contains("akta kelahiran");
        assertThat(akta.phrases()).contains("akta kelahiran");

        CatalogQuery permit = CatalogQuery.analyze("izin usaha", VOCABULARY, INDEX);
        assertThat(permit.groups().getFirst().alternatives()).contains("perizinan berusaha", "nib");
    }

    @Test
    void fillerWordsAreDroppedUnlessNothingElseIsLeft() {
        CatalogQuery q = CatalogQuery.analyze("cara bikin kartu keluarga", VOCABULARY, INDEX);
        assertThat(q.searched()).isEqualTo("kartu keluarga");
        assertThat(q.groups().getFirst().alternatives()).containsExactly("kartu keluarga", "kk");
        assertThat(CatalogQuery.analyze("layanan", VOCABULARY, lexicon("layanan")).searched()).isEqualTo("layanan");
        assertThat(CatalogQuery.analyze(" ,.; ", VOCABULARY, INDEX).isEmpty()).isTrue();
    }

    @Test
    void misspeltWordsAreCorrectedAgainstTheIndexAndTheVocabulary() {
        CatalogQuery birth = CatalogQuery.analyze("akta kelahran", VOCABULARY, INDEX);
        assertThat(birth.corrections()).containsEntry("kelahran", "kelahiran");
        assertThat(birth.searched()).isEqualTo("akta kelahiran");

        // a swapped pair in an abbreviation that only the vocabulary knows
        CatalogQuery police = CatalogQuery.analyze("skkc", VOCABULARY, lexicon("surat"));
        assertThat(police.corrections()).containsEntry("skkc", "skck");
        assertThat(police.groups().getFirst().alternatives()).contains("surat keterangan catatan kepolisian");

        CatalogQuery billboard = CatalogQuery.analyze("izin rekalme", VOCABULARY, INDEX);
        assertThat(billboard.corrections()).containsEntry("rekalme", "reklame");
    }

    @Test
    void wordsTooShortOrTooFarToCorrectAreLeftOut() {
        CatalogQuery q = CatalogQuery.analyze("akta kelahiran xq zzzzzzz", VOCABULARY, INDEX);
        assertThat(q.ignored()).containsExactly("xq", "zzzzzzz");
        assertThat(q.searched()).isEqualTo("akta kelahiran");
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileItIsBeingTyped() {
        CatalogQuery typing = CatalogQuery.analyze("akta kela", VOCABULARY, INDEX);
        assertThat(typing.corrections()).isEmpty();
        assertThat(typing.allTerms()).isEqualTo("'akta' & 'kela':*");
        assertThat(CatalogQuery.analyze("surat keterangan", VOCABULARY, INDEX).allTerms()).isEqualTo("'surat' & 'keterangan':*");
        // a space says the word is finished
        assertThat(CatalogQuery.analyze("surat keterangan ", VOCABULARY, INDEX).allTerms()).isEqualTo("'surat' & 'keterangan'");
        // two letters are too few to mean "every word starting with them"
        assertThat(CatalogQuery.analyze("akta ab", VOCABULARY, lexicon("akta", "ab")).allTerms()).isEqualTo("'akta' & 'ab'");
    }

    @Test
    void someWordsQueryAndPhrasesCombineTheGroups() {
        CatalogQuery q = CatalogQuery.analyze("kk paspor", VOCABULARY, INDEX);
        assertThat(q.anyTerm()).isEqualTo("('kk' | ('kartu' & 'keluarga')) | ('paspor':* | ('dokumen' & 'perjalanan'))");
        assertThat(q.phrases()).containsExactly("kk paspor", "kk dokumen perjalanan", "kartu keluarga paspor",
                "kartu keluarga dokumen perjalanan");
    }

    @Test
    void editDistanceCountsASwapAsOneSlip() {
        assertThat(EditDistance.between("skkc", "skck", 2)).isEqualTo(1);
        assertThat(EditDistance.between("rekalme", "reklame", 2)).isEqualTo(1);
        assertThat(EditDistance.between("kelahran", "kelahiran", 2)).isEqualTo(1);
        assertThat(EditDistance.between("akta", "akta", 0)).isZero();
        assertThat(EditDistance.between("paspor", "kartu", 2)).isEqualTo(3);
        assertThat(EditDistance.allowedFor("kk")).isZero();
        assertThat(EditDistance.allowedFor("skck")).isEqualTo(1);
        assertThat(EditDistance.allowedFor("kelahiran")).isEqualTo(2);
    }

    @Test
    void aVocabularyLineItCannotReadStopsStartUp() {
        assertThatThrownBy(() -> SearchVocabulary.parse("same: a | b\nalias: x = y\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> SearchVocabulary.parse("spelling: two words = one\n")).hasMessageContaining("line 1");
    }
}
