using System.Buffers.Binary;

namespace BotPlatform.Testing;

/// <summary>Width and height from a PNG or JPEG header, for PhotoSize; unknown formats give nulls.</summary>
internal static class ImageSize
{
    public static (int? Width, int? Height) Read(byte[] data)
    {
        ReadOnlySpan<byte> span = data;
        if (span.Length >= 24 && span[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(span[16..]), BinaryPrimitives.ReadInt32BigEndian(span[20..]));
        }

        if (span.Length >= 4 && span[0] == 0xFF && span[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < span.Length && span[i] == 0xFF)
            {
                var marker = span[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(span[(i + 2)..]);
                var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
                if (isFrameHeader)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(span[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(span[(i + 5)..]));
                }

                i += 2 + length;
            }
        }

        return (null, null);
    }
}
