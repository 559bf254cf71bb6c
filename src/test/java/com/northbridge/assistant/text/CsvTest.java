package com.northbridge.assistant.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_blank_lines_are_no_rows() {
        String content = "text,category\r\n\"I was charged twice, why?\",card_payment_fee_charged\n\n"
                + "\"it says \"\"pending\"\"\nstill\",pending_transfer\nlast,row";
        assertThat(Csv.parse(content)).containsExactly(
                List.of("text", "category"),
                List.of("I was charged twice, why?", "card_payment_fee_charged"),
                List.of("it says \"pending\"\nstill", "pending_transfer"),
                List.of("last", "row"));
    }
}
