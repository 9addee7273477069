package org.roundtable.commissioning.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sums and dates the read model could not hold, and amounts whose refusal could not be written, are refused at the door. */
class HostileInputIT extends CommissioningIntegrationTest {

    @Test
    void aFundOfATrillionOrOutsideTheCenturyIsRefused() {
        String ali = commissioner("ali-hostile");
        long before = storedEvents();

        assertField(api().post("/api/commissioning/funds", ali, fundForm("1000000000000")), "amount.amount");
        assertField(api().post("/api/commissioning/funds", ali, fundForm("1E+999999999")), "amount.amount");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("periodStart", "1900-04-01")), "periodStart");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("periodEnd", "+300000-03-31")), "periodEnd");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("holderIds", List.of("bea", "bea"))), "holderIds[1]");
        assertThat(storedEvents()).isEqualTo(before);

        expect(201, api().post("/api/commissioning/funds", ali, fundForm("999999999999.99")));
    }

    @Test
    void aPanelAmountWithAHugeExponentIsRefusedWithAShortMessageAndNothingStored() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        String panelPath = "/api/commissioning/cases/" + caseId + "/panel";
        long before = storedEvents();

        ApiClient.Response huge = api().post(panelPath, commissioner("ali"), panel(fundId, "ali", "bea", "cal", "1E+999999999"));
        Map<String, Object> farDeadline = panel(fundId, "ali", "bea", "cal", null);
        farDeadline.put("deadline", "+300000-01-01T00:00:00Z");

        assertField(huge, "amount.amount");
        assertThat(huge.body().toString()).hasSizeLessThan(1000);
        assertField(api().post(panelPath, commissioner("ali"), farDeadline), "deadline");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static Map<String, Object> fundWith(String field, Object value) {
        Map<String, Object> form = fundForm("100.00");
        form.put(field, value);
        return form;
    }
}
