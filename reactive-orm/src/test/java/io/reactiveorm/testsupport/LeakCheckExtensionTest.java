package io.reactiveorm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which leak reports fail a class: all but r2dbc-mariadb's packets for a closed connection. */
class LeakCheckExtensionTest {

    private static String report(String kind, String... frames) {
        StringBuilder out = new StringBuilder("LEAK: " + kind + ".release() was not called before it was garbage-collected.\n"
                + "Recent access records: \n#1:\n");
        for (String frame : frames) {
            out.append('\t').append(frame).append('\n');
        }
        return out.toString();
    }

    @Test
    void aMariaDbCutStreamsRowsFailNowThatTheyAreReadToTheEnd() {
        assertThat(LeakCheckExtension.knownDriverLeak(report("ByteBuf",
                "org.mariadb.r2dbc.message.server.RowPacket.<init>(RowPacket.java:15)",
                "org.mariadb.r2dbc.client.MariadbFrameDecoder.decode(MariadbFrameDecoder.java:187)"))).isFalse();
    }

    @Test
    void theLibrarysOwnBuffersFail() {
        assertThat(LeakCheckExtension.knownDriverLeak(report("ByteBuf",
                "io.reactiveorm.internal.execution.RowReader.read(RowReader.java:1)"))).isFalse();
    }

    /** The chaos run's report of a cut stream's row (and of the cumulation its columns are slices of) fails the class now. */
    @Test
    void postgresRowsFailNowThatCutStreamsNeverCancelTheirWindow() {
        assertThat(LeakCheckExtension.knownDriverLeak(report("DataRow",
                "io.r2dbc.postgresql.message.backend.DataRow.<init>(DataRow.java:37)",
                "io.r2dbc.postgresql.message.backend.DataRow.decode(DataRow.java:141)",
                "io.r2dbc.postgresql.message.backend.BackendMessageDecoder.decode(BackendMessageDecoder.java:39)"))).isFalse();
        assertThat(LeakCheckExtension.knownDriverLeak(report("ByteBuf",
                "io.netty.handler.codec.ByteToMessageDecoder.expandCumulation(ByteToMessageDecoder.java:589)",
                "io.r2dbc.postgresql.message.backend.DataRow.decodeColumn(DataRow.java:149)",
                "io.r2dbc.postgresql.client.ReactorNettyClient.lambda$new$0(ReactorNettyClient.java:185)"))).isFalse();
    }

    @Test
    void mariaDbPacketsForAClosedConnectionArePrinted() {
        assertThat(LeakCheckExtension.knownDriverLeak(report("ByteBuf",
                "org.mariadb.r2dbc.client.MariadbPacketEncoder.lambda$encodeFlux$0(MariadbPacketEncoder.java:47)"))).isTrue();
    }
}
