package app.soapstone.intake;

import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading "atorvastatin 20 mg daily; furosemide 40 mg" into name, dose and frequency. */
class MedicationListTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Lipitor 20 mg daily           | Lipitor         | 20 mg     | daily
            atorvastatin 40 mg nocte      | atorvastatin    | 40 mg     | nocte
            Eliquis 5mg bd                | Eliquis         | 5mg       | bd
            Lasix 40 mg                   | Lasix           | 40 mg     | -
            Natrilix SR 1.5 mg mane       | Natrilix SR     | 1.5 mg    | mane
            Ventolin 2 puffs as needed    | Ventolin        | 2 puffs   | as needed
            vitamin D 1000 IU daily       | vitamin D       | 1000 IU   | daily
            Hyzaar 50/12.5 mg once a day  | Hyzaar          | 50/12.5 mg | once a day
            warfarin 3 alternate days     | warfarin        | 3         | alternate days
            Panadol                       | Panadol         | -         | -
            Bayer Aspirin                 | Bayer Aspirin   | -         | -
            """)
    void readsNameDoseAndFrequency(String description, String name, String dose, String frequency) {
        IntakeMedication medication = MedicationList.read(description);

        assertThat(medication.description()).isEqualTo(description);
        assertThat(medication.name()).isEqualTo(name);
        assertThat(medication.dose()).isEqualTo(dose);
        assertThat(medication.frequency()).isEqualTo(frequency);
    }

    @Test
    void aDescriptionThatStartsWithANumberIsKeptWholeAsTheName() {
        IntakeMedication medication = MedicationList.read("2 Panadol at night");

        assertThat(medication.name()).isEqualTo("2 Panadol at night");
        assertThat(medication.dose()).isNull();
        assertThat(medication.frequency()).isNull();
    }

    @Test
    void itemsAreSeparatedBySemicolonsOrNewLinesAndBlankItemsAreSkipped() {
        List<IntakeMedication> medications = MedicationList.parse("medications",
                "  Lipitor 20 mg daily ;; Eliquis 5mg bd\nPanadol ; \n ");

        assertThat(medications).extracting(IntakeMedication::description)
                .containsExactly("Lipitor 20 mg daily", "Eliquis 5mg bd", "Panadol");
        assertThat(medications).extracting(IntakeMedication::name).containsExactly("Lipitor", "Eliquis", "Panadol");
    }

    @Test
    void anEmptyListHasNoItems() {
        assertThat(MedicationList.parse("medications", " ; ")).isEmpty();
    }

    @Test
    void tooManyItemsAreRefused() {
        String many = IntStream.rangeClosed(1, MedicationList.MAX_ITEMS + 1).mapToObj(i -> "medicine" + i)
                .collect(Collectors.joining("; "));

        assertThat(MedicationList.parse("medications", many.substring(0, many.lastIndexOf(';')))).hasSize(MedicationList.MAX_ITEMS);
        assertThatThrownBy(() -> MedicationList.parse("medications", many))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--medications:")
                .hasMessageContaining(String.valueOf(MedicationList.MAX_ITEMS));
    }

    @Test
    void anItemTooLongOrWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> MedicationList.parse("medications", "x".repeat(201)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--medications:");
        assertThatThrownBy(() -> MedicationList.parse("medications", "Lipitor\u0007 20 mg"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--medications:")
                .hasMessageContaining("U+0007 BEL (character 8), a control character");
    }
}
