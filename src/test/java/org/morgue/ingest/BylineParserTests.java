package org.morgue.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylineParserTests {

	private final BylineParser parser = new BylineParser();

	@Test
	void parsesAgencyBylineAsSourceAndByline() {
		assertThat(parser.parse("By AFP")).contains(new Byline("AFP", "AFP"));
	}

	@Test
	void parsesPersonWithoutSource() {
		assertThat(parser.parse("By Jane Doe")).contains(new Byline("Jane Doe", null));
	}

	@Test
	void parsesPersonFollowedByAgencyAfterAComma() {
		assertThat(parser.parse("By Jane Doe, Reuters")).contains(new Byline("Jane Doe", "Reuters"));
	}

	@Test
	void showsCapitalisedNamesInDisplayCaseAndTakesAgencyAfterASlash() {
		assertThat(parser.parse("By JANE DOE / AP")).contains(new Byline("Jane Doe", "AP"));
	}

	@Test
	void parsesTwoAuthorsInCapitals() {
		assertThat(parser.parse("BY JANE DOE AND JOHN ROE")).contains(new Byline("Jane Doe and John Roe", null));
	}

	@Test
	void mapsAgencyFullNameToItsCanonicalName() {
		assertThat(parser.parse("By Agence France-Presse")).contains(new Byline("AFP", "AFP"));
		assertThat(parser.parse("By The Associated Press")).contains(new Byline("AP", "AP"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "By Jane Doe and John Roe          | Jane Doe and John Roe",
					"By Jane Doe, John Roe and Ann Lee | Jane Doe, John Roe and Ann Lee",
					"by Jean de la Fontaine            | Jean de la Fontaine",
					"By Jane Doe in Yangon             | Jane Doe", "By Sean O’Brien                   | Sean O’Brien",
					"By J.R. Smith                     | J.R. Smith", "  By   Jane   Doe                 | Jane Doe", })
	void keepsNamesWrittenInNormalCase(String line, String byline) {
		assertThat(parser.parse(line)).contains(new Byline(byline, null));
	}

	@Test
	void leavesSourceEmptyWhenTheOnlyNameIsNotAnAgency() {
		assertThat(parser.parse("By Jane Doe, Staff Writer")).contains(new Byline("Jane Doe, Staff Writer", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "By the end of the year, inflation had fallen sharply.",
			"By 2030 the country will need twice as much power.", "By Monday, most polls had closed.",
			"By land, sea and air", "By a wide margin", "Bystanders fled the scene", "By", "By ", "Written by Jane Doe",
			"By Jane Doe And John Roe And Jim Poe And Ann Lee", "", })
	void rejectsLinesThatAreNotBylines(String line) {
		assertThat(parser.parse(line)).isEmpty();
	}

	@Test
	void rejectsNull() {
		assertThat(parser.parse(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "AFP                  | AFP", "Agence France-Presse | AFP", "REUTER               | Reuters",
					"reuters              | Reuters", "Associated Press     | AP", "the Associated Press | AP",
					"DPA                  | dpa", "Press Association    | PA", "Yonhap               | Yonhap", })
	void knowsTheAgenciesByTheirCanonicalNames(String written, String canonical) {
		assertThat(Agencies.canonical(written)).contains(canonical);
	}

	@Test
	void knowsNoOtherPublisherAsAnAgency() {
		assertThat(Agencies.canonical("The Guardian")).isEmpty();
		assertThat(Agencies.canonical(null)).isEmpty();
	}

}
