using UMeetingReports.Core.Export;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// A large sheet's XML is compressed on another thread than the one writing it: what reaches the zip entry must be
/// every byte in order, and a failing entry must fail the export instead of leaving the writer waiting.
/// </summary>
public sealed class HandOffStreamTests
{
    [Fact]
    public void Hands_every_byte_to_the_target_in_the_order_written_across_many_chunks()
    {
        // Arrange: about 3 MB in writes of odd sizes, so chunks fill up in the middle of writes.
        var random = new Random(11);
        var written = new byte[3_000_017];
        random.NextBytes(written);
        using var target = new MemoryStream();

        // Act
        using (var stream = new HandOffStream(target))
        {
            for (var offset = 0; offset < written.Length;)
            {
                var count = Math.Min(random.Next(1, 70_000), written.Length - offset);
                stream.Write(written, offset, count);
                offset += count;
            }

            stream.Complete();
        }

        // Assert
        Assert.Equal(written, target.ToArray());
    }

    [Fact]
    public void Throws_the_targets_failure_to_the_writer_instead_of_waiting_for_it()
    {
        // Arrange: a target that breaks after its first megabyte, as a full disk would.
        using var target = new FailingAfter(1 << 20);
        var chunk = new byte[100_000];

        // Act: far more than the chunks that may wait, so the writer must learn of the failure while writing.
        var failure = Assert.Throws<IOException>(() =>
        {
            using var stream = new HandOffStream(target);
            for (var index = 0; index < 1_000; index++)
            {
                stream.Write(chunk);
            }

            stream.Complete();
        });

        // Assert
        Assert.Equal(FailingAfter.Message, failure.Message);
    }

    [Fact]
    public void Throws_the_targets_failure_from_complete_when_the_last_chunks_fail()
    {
        // Arrange
        using var target = new FailingAfter(0);
        using var stream = new HandOffStream(target);
        stream.Write(new byte[10]);

        // Act
        var failure = Assert.Throws<IOException>(stream.Complete);

        // Assert
        Assert.Equal(FailingAfter.Message, failure.Message);
    }

    [Fact]
    public void Drops_what_was_not_handed_over_when_disposed_without_completing()
    {
        // Arrange
        using var target = new MemoryStream();
        var stream = new HandOffStream(target);
        stream.Write(new byte[1_000]);

        // Act: the writer failed before the end of its sheet.
        stream.Dispose();

        // Assert: the partial chunk never reached the entry.
        Assert.Equal(0, target.Length);
    }

    private sealed class FailingAfter(long bytes) : MemoryStream
    {
        public const string Message = "No space left on device";

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > bytes)
            {
                throw new IOException(Message);
            }

            base.Write(buffer, offset, count);
        }
    }
}
