package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimeTests {

    @Test
    void reads_user_and_system_time_of_the_process_and_its_finished_children() {
        String stat = "4242 (postgres: loadwise_app (idle)) S 4200 4200 4200 0 -1 4194560 1200 0 0 0"
                + " 731 88 15 4 20 0 1 0 950346 3133440 382 18446744073709551615";

        assertThat(CpuTime.ticksOf(stat)).containsExactly(731, 88, 15, 4);
    }

    @Test
    void the_difference_of_two_samples_is_what_was_spent_between_them() {
        CpuTime spent = new CpuTime(1500, 300, 900).minus(new CpuTime(1000, 100, 400));

        assertThat(spent).isEqualTo(new CpuTime(500, 200, 500));
    }
}
