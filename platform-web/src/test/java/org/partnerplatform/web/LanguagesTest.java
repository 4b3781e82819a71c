package org.partnerplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theSwitchWinsThenTheBrowsersFirstLanguageThePortalSpeaksThenEnglish() {
        List<Locale> swedishThenNynorsk = List.of(Locale.forLanguageTag("sv-SE"), Locale.forLanguageTag("nn-NO"), Locale.ENGLISH);
        assertThat(Languages.choose(null, swedishThenNynorsk)).isEqualTo(Languages.NORWEGIAN);
        assertThat(Languages.choose("en", swedishThenNynorsk)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, List.of(Locale.forLanguageTag("no")))).isEqualTo(Languages.NORWEGIAN);
        assertThat(Languages.choose(null, List.of(Locale.forLanguageTag("en-GB"), Locale.forLanguageTag("nb")))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, List.of(Locale.GERMAN))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose("klingon", List.of())).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.other(Languages.NORWEGIAN)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.other(Languages.ENGLISH)).isEqualTo(Languages.NORWEGIAN);
    }

    @Test
    void acceptLanguageIsReadByWeight() {
        assertThat(Languages.choose(null, Languages.acceptable("de;q=0.9, nb;q=0.8, en;q=0.5"))).isEqualTo(Languages.NORWEGIAN);
        assertThat(Languages.choose(null, Languages.acceptable("en;q=0.4, nn;q=0.9"))).isEqualTo(Languages.NORWEGIAN);
        assertThat(Languages.choose(null, Languages.acceptable("*"))).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.acceptable("not a header;;q=x")).isEmpty();
        assertThat(Languages.acceptable(null)).isEmpty();
    }
}
