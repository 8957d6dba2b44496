package org.morgue.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.MonthDay;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTests {

	private final DatelineParser parser = new DatelineParser();

	static Stream<Arguments> datelines() {
		return Stream.of(
				Arguments.of("YANGON: Russia backs the junta.",
						new Dateline("YANGON:", "YANGON", "Yangon", null, null, null), "Russia backs the junta."),
				Arguments.of("YANGON (AFP) - Russia backs the junta.",
						new Dateline("YANGON (AFP) -", "YANGON", "Yangon", null, null, "AFP"),
						"Russia backs the junta."),
				Arguments.of("YANGON, Aug 3 (Reuters) - Russia backs the junta.",
						new Dateline("YANGON, Aug 3 (Reuters) -", "YANGON", "Yangon", MonthDay.of(Month.AUGUST, 3),
								null, "Reuters"),
						"Russia backs the junta."),
				Arguments.of("NEW YORK, Feb 26 - Acme Corp said it would sell its unit.",
						new Dateline("NEW YORK, Feb 26 -", "NEW YORK", "New York", MonthDay.of(Month.FEBRUARY, 26),
								null, null),
						"Acme Corp said it would sell its unit."),
				Arguments.of("WASHINGTON (AP) — The Senate passed the bill.",
						new Dateline("WASHINGTON (AP) —", "WASHINGTON", "Washington", null, null, "AP"),
						"The Senate passed the bill."),
				Arguments.of("WASHINGTON (AP) – The Senate passed the bill.",
						new Dateline("WASHINGTON (AP) –", "WASHINGTON", "Washington", null, null, "AP"),
						"The Senate passed the bill."),
				Arguments.of("NAYPYIDAW, Myanmar (AP) — Russia’s foreign minister arrived.",
						new Dateline("NAYPYIDAW, Myanmar (AP) —", "NAYPYIDAW, Myanmar", "Naypyidaw, Myanmar", null,
								null, "AP"),
						"Russia’s foreign minister arrived."),
				Arguments.of("LONDON, March 3, 2023 (Reuters) - Britain’s economy grew.",
						new Dateline("LONDON, March 3, 2023 (Reuters) -", "LONDON", "London",
								MonthDay.of(Month.MARCH, 3), 2023, "Reuters"),
						"Britain’s economy grew."),
				Arguments.of("KYIV, Ukraine, Aug 3 (Reuters) - Ukraine said it shot down drones.",
						new Dateline("KYIV, Ukraine, Aug 3 (Reuters) -", "KYIV, Ukraine", "Kyiv, Ukraine",
								MonthDay.of(Month.AUGUST, 3), null, "Reuters"),
						"Ukraine said it shot down drones."),
				Arguments.of("RIO DE JANEIRO, Sept. 7 (Reuters) - Brazil celebrated.",
						new Dateline("RIO DE JANEIRO, Sept. 7 (Reuters) -", "RIO DE JANEIRO", "Rio de Janeiro",
								MonthDay.of(Month.SEPTEMBER, 7), null, "Reuters"),
						"Brazil celebrated."),
				Arguments.of("ST. LOUIS, Jan. 5 - Shares rose.",
						new Dateline("ST. LOUIS, Jan. 5 -", "ST. LOUIS", "St. Louis", MonthDay.of(Month.JANUARY, 5),
								null, null),
						"Shares rose."),
				Arguments.of("PARIS, 3 August (Agence France-Presse) - France said.",
						new Dateline("PARIS, 3 August (Agence France-Presse) -", "PARIS", "Paris",
								MonthDay.of(Month.AUGUST, 3), null, "AFP"),
						"France said."),
				Arguments.of("Yangon (AFP) - Russia backs the junta.",
						new Dateline("Yangon (AFP) -", "Yangon", "Yangon", null, null, "AFP"),
						"Russia backs the junta."),
				Arguments.of("ROME, April 2, Reuter - Acme said it would open a plant.",
						new Dateline("ROME, April 2, Reuter -", "ROME", "Rome", MonthDay.of(Month.APRIL, 2), null,
								"Reuters"),
						"Acme said it would open a plant."),
				Arguments.of("DENVER , June 4 - Acme Corp said it opened a store.",
						new Dateline("DENVER , June 4 -", "DENVER", "Denver", MonthDay.of(Month.JUNE, 4), null, null),
						"Acme Corp said it opened a store."),
				Arguments.of("OSLO,June 8 - Acme said its sales rose.",
						new Dateline("OSLO,June 8 -", "OSLO", "Oslo", MonthDay.of(Month.JUNE, 8), null, null),
						"Acme said its sales rose."),
				Arguments.of("CHICAGO, Feb 26 -", new Dateline("CHICAGO, Feb 26 -", "CHICAGO", "Chicago",
						MonthDay.of(Month.FEBRUARY, 26), null, null), ""));
	}

	@ParameterizedTest
	@MethodSource("datelines")
	void parsesDatelineFormsIntoTheirPartsAndTheRemainingText(String paragraph, Dateline expected, String rest) {
		// when
		DatelineMatch match = parser.parse(paragraph).orElseThrow();

		// then
		assertThat(match.dateline()).isEqualTo(expected);
		assertThat(match.rest()).isEqualTo(rest);
	}

	@Test
	void keepsTypographicQuotesInTheRest() {
		assertThat(parser.parse("YANGON: “We are in solidarity,” Lavrov said.").orElseThrow().rest())
			.isEqualTo("“We are in solidarity,” Lavrov said.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "NATO said on Monday it would send more troops.",
			"US: the figures were revised on Friday.", "UN: Talks continue.",
			"The minister said: “We will not back down.”", "BREAKING: Russia backs the junta.",
			"Paris: the city of light.", "EXCLUSIVE-Russia backs the junta.", "LONDON, Feb 30 - Shares fell.",
			"LONDON, June 3, Smith - a note on shares.", "LONDON, June 3, Reuter (AFP) - Shares fell.",
			"Lavrov, the foreign minister, said - nothing.",
			"Russia backs the Myanmar junta’s efforts to hold elections.", "", })
	void rejectsTextThatDoesNotStartWithADateline(String paragraph) {
		assertThat(parser.parse(paragraph)).isEmpty();
	}

	@Test
	void rejectsNull() {
		assertThat(parser.parse(null)).isEmpty();
	}

	@Test
	void readsTheDatelineAtTheStartOfAParagraphForOtherModules() {
		// when
		DatelineMatch match = Dateline.atStartOf("GROSSETO, Italy (AP) -- The trial has begun.").orElseThrow();

		// then
		assertThat(match.dateline())
			.isEqualTo(new Dateline("GROSSETO, Italy (AP) --", "GROSSETO, Italy", "Grosseto, Italy", null, null, "AP"));
		assertThat(match.rest()).isEqualTo("The trial has begun.");
		assertThat(Dateline.atStartOf("The trial has begun.")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "NEW YORK           | New York", "RIO DE JANEIRO     | Rio de Janeiro",
			"ST. LOUIS          | St. Louis", "YANGON             | Yangon", "NAYPYIDAW, Myanmar | Naypyidaw, Myanmar",
			"PORT OF SPAIN      | Port of Spain", "DAR ES SALAAM      | Dar es Salaam",
			"THE HAGUE          | The Hague", "WILKES-BARRE       | Wilkes-Barre",
			"STRATFORD-UPON-AVON | Stratford-upon-Avon", "O'HARE             | O'Hare", "MCALLEN            | McAllen",
			"U.S.               | U.S.", "Rio de Janeiro     | Rio de Janeiro", })
	void showsPlacesWrittenInCapitalsInDisplayCase(String written, String display) {
		assertThat(DatelineParser.displayForm(written)).isEqualTo(display);
	}

}
