using System.Security.Cryptography;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotPlatform.Tests.Testing;

public sealed class FileTests : FakeTelegramTestBase
{
    [Fact]
    public async Task An_uploaded_document_round_trips_through_getFile_and_download()
    {
        var alice = StartedUser();
        var content = RandomNumberGenerator.GetBytes(100_000);

        var sent = await Bot.SendDocument(alice.Id, InputFile.FromStream(new MemoryStream(content), "contract.pdf"), caption: "Contract",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Sign", "sign:1")));
        var file = await Bot.GetFile(sent.Document?.FileId ?? "");
        using var downloaded = new MemoryStream();
        await Bot.DownloadFile(file.FilePath ?? "", downloaded);

        Assert.Equal(content, downloaded.ToArray());
        Assert.Equal(("contract.pdf", 100_000L), (sent.Document?.FileName, sent.Document?.FileSize));
        var seen = Fake.BotMessages(alice.PrivateChat).Single();
        Assert.Equal(("contract.pdf", "Contract", "Sign"), (seen.Document?.FileName, seen.Caption, seen.Buttons.Single().Text));
    }

    [Fact]
    public async Task A_photo_reports_its_size_and_can_be_sent_again_by_file_id()
    {
        var alice = StartedUser();
        var png = Png(width: 40, height: 30);

        var first = await Bot.SendPhoto(alice.Id, InputFile.FromStream(new MemoryStream(png), "chart.png"));
        var photo = Assert.Single(first.Photo ?? []);
        var again = await Bot.SendPhoto(alice.Id, InputFile.FromFileId(photo.FileId), caption: "Again");

        Assert.Equal((40, 30), (photo.Width, photo.Height));
        Assert.Equal(photo.FileId, again.Photo?.Single().FileId);
        Assert.Equal(png, Fake.BotMessages(alice.PrivateChat)[1].Photo?.Content);
    }

    [Fact]
    public async Task A_document_a_user_sends_can_be_downloaded_by_the_bot()
    {
        var alice = Fake.CreateUser("Alice");
        Fake.SendDocument(alice, alice.PrivateChat, "invoice.xlsx", [1, 2, 3, 4], "application/vnd.ms-excel", caption: "March");

        var document = (await Bot.GetUpdates()).Single().Message?.Document;
        var file = await Bot.GetFile(document?.FileId ?? "");
        using var downloaded = new MemoryStream();
        await Bot.DownloadFile(file, downloaded);

        Assert.Equal(("invoice.xlsx", "application/vnd.ms-excel"), (document?.FileName, document?.MimeType));
        Assert.Equal([1, 2, 3, 4], downloaded.ToArray());
    }

    [Fact]
    public async Task GetFile_refuses_files_over_20_megabytes()
    {
        var alice = Fake.CreateUser("Alice");
        var big = Fake.SendDocument(alice, alice.PrivateChat, "scan.pdf", new byte[(20 * 1024 * 1024) + 1], "application/pdf");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetFile(big.Document?.FileId ?? ""));

        Assert.Equal("Bad Request: file is too big", error.Message);
    }

    [Fact]
    public async Task An_unknown_file_id_is_rejected()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendDocument(alice.Id, InputFile.FromFileId("no-such-file")));

        Assert.Equal(400, error.ErrorCode);
        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
    }

    /// <summary>Just enough of a PNG for its header to carry the dimensions.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
