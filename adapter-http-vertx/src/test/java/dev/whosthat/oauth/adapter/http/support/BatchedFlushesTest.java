package dev.whosthat.oauth.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Flushes wait for the event loop's tasks, several become one, and nothing written is lost on close. */
class BatchedFlushesTest {

    /** Counts the flushes that get past the batching, towards the socket. */
    private static final class SocketSide extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    // Through the pipeline rather than the channel: EmbeddedChannel's own flush runs the pending tasks at once.
    private final SocketSide socket = new SocketSide();
    private final EmbeddedChannel channel = new EmbeddedChannel(socket, new BatchedFlushes());

    @Test
    void aFlushWaitsForTheEventLoopsTasks() {
        channel.pipeline().writeAndFlush(text("answer"));

        assertThat(channel.outboundMessages()).isEmpty();
        channel.runPendingTasks();
        assertThat(read(channel.readOutbound())).isEqualTo("answer");
        assertThat(socket.flushes).isEqualTo(1);
    }

    @Test
    void theFlushesOfOnePassBecomeOne() {
        // Writes first: EmbeddedChannel runs the pending tasks whenever a write reaches it.
        channel.pipeline().write(text("first"));
        channel.pipeline().write(text("second"));
        channel.pipeline().flush();
        channel.pipeline().flush();
        channel.pipeline().flush();
        assertThat(socket.flushes).isZero();

        channel.runPendingTasks();

        assertThat(socket.flushes).isEqualTo(1);
        assertThat(read(channel.readOutbound())).isEqualTo("first");
        assertThat(read(channel.readOutbound())).isEqualTo("second");
    }

    @Test
    void aLaterPassFlushesAgain() {
        channel.pipeline().writeAndFlush(text("first"));
        channel.runPendingTasks();
        channel.pipeline().writeAndFlush(text("second"));
        channel.runPendingTasks();

        assertThat(socket.flushes).isEqualTo(2);
    }

    @Test
    void closingFlushesWhatWasWrittenFirst() {
        channel.pipeline().writeAndFlush(text("last words"));

        channel.pipeline().close();

        assertThat(read(channel.readOutbound())).isEqualTo("last words");
        assertThat(channel.isOpen()).isFalse();
    }

    private static ByteBuf text(String value) {
        return Unpooled.copiedBuffer(value, StandardCharsets.US_ASCII);
    }

    private static String read(ByteBuf buffer) {
        try {
            return buffer.toString(StandardCharsets.US_ASCII);
        } finally {
            buffer.release();
        }
    }
}
