using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>
/// The review's cast: Olga manages deal СДЛ-2026-0001 of ООО «Ромашка» (contract Д-2026-0001 as a draft), the
/// client's project PRJ-0001 is linked to a group with the client's Ivan, and the contract's approvers are in.
/// The host runs on Kestrel so that a real browser can open the page.
/// </summary>
public sealed partial class ReviewArrange : IAsyncDisposable
{
    public const string Contract = "Д-2026-0001";
    public const string ReviewButton = "🔗 На согласование клиенту";
    public const string AcceptButton = "✅ Принять формулировку";

    private ReviewArrange(BotHost host, ApprovalPeople people) => (Host, P) = (host, people);

    public BotHost Host { get; }
    public ApprovalPeople P { get; }
    public FakeUser Olga => P.Olga;
    public FakeUser? ClientIvan { get; private set; }
    public FakeChat? Group { get; private set; }

    public static async Task<ReviewArrange> StartAsync(bool withGroup = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await BotHost.StartAsync(kestrel: true, settings: settings);
        var arrange = new ReviewArrange(host, await (await ApprovalPeople.JoinAsync(host)).WithContractApproversAsync(host));
        var client = await host.ClientAsync();
        var deal = await host.DealAsync("СДЛ-2026-0001", client, arrange.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        if (withGroup)
        {
            arrange.ClientIvan = host.Tg.CreateUser("Иван", "ivan_romashka");
            arrange.Group = host.Tg.CreateGroup("Ромашка × Агентство", arrange.Olga, arrange.ClientIvan);
            var olga = (await host.Get<IPeopleStore>().FindByUsernameAsync("emp_olga", default))!;
            await host.Get<IProjectStore>().InsertAsync(new Project
            {
                Number = "PRJ-0001", Title = "Дизайн", ClientId = client.Id, PmId = olga.Id, DealId = deal.Id, GroupChatIds = [arrange.Group.Id],
                CreatedAt = host.Time.GetUtcNow(), StartDate = new DateOnly(2026, 11, 23),
            }, default);
        }
        await host.SaysAsync(arrange.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await host.IdleAsync();
        return arrange;
    }

    /// <summary>Olga opens the contract's card and presses «🔗 На согласование клиенту»; returns the link the bot gave out.</summary>
    public async Task<string> SendForReviewAsync()
    {
        var card = await Host.SaysAsync(Olga, "/doc " + Contract, m => m.Text?.StartsWith("📄") == true);
        await Host.PressesAsync(Olga, card, ReviewButton);
        var told = await Host.Tg.WaitForBotMessageAsync(Olga.PrivateChat, m => m.Text?.StartsWith("🔗") == true);
        await Host.IdleAsync();
        var where = Group is not null ? Host.Tg.BotMessages(Group).Last(m => m.Text?.Contains("черновик для вашего согласования") == true) : told;
        return Link().Match(where.Text ?? "").Value;
    }

    public async Task<FakeMessage> NoticeAsync(int no) =>
        await Host.Tg.WaitForBotMessageAsync(Olga.PrivateChat,
            m => m.Text is { } t && t.Contains("\n#rv", StringComparison.Ordinal) && t.EndsWith($"_{no}", StringComparison.Ordinal));

    public async Task<DocumentReview?> ReviewAsync() =>
        await Host.Get<IDocumentReviewStore>().ByDocumentAsync((await Host.DocAsync(Contract)).Id, default);

    /// <summary>The contract goes to the lawyer and the director (an edited text) and both approve.</summary>
    public async Task ApprovedAsync()
    {
        foreach (var approver in new[] { P.Lawyer!, P.Director! })
        {
            var card = Host.Tg.BotMessages(approver.PrivateChat).Last(m => m.Button("✅ Согласовать") is not null && m.Text?.Contains(Contract) == true);
            await Host.PressesAsync(approver, card, "✅ Согласовать");
            await Host.IdleAsync();
        }
    }

    public async Task PrintedAsync()
    {
        var queue = Host.Get<PrintQueue>();
        var claimed = await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default);
        await queue.AckPrintedAsync(claimed!.Id, "office-1", default);
    }

    public HttpClient Http() => new() { BaseAddress = new Uri(Host.Address) };

    /// <summary>A client that sees each answer as it is (no redirects followed), connecting from <paramref name="from"/> (any 127.x address is this machine).</summary>
    public HttpClient RawHttp(string from = "127.0.0.1") => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = new Uri(Host.Address) };

    /// <summary>A second review link, for the invoice (the manager forwards it: this cast has no group).</summary>
    public async Task<string> SendInvoiceForReviewAsync()
    {
        var told = await Host.SaysAsync(Olga, "/doc СЧ-2026-0001 review", m => m.Text?.StartsWith("🔗") == true);
        return Link().Match(told.Text ?? "").Value;
    }

    /// <summary>The page's form as a browser on the same site posts it.</summary>
    public static HttpRequestMessage Post(string link, string clause, string name, string text, string proposal = "", string? origin = null)
    {
        var uri = new Uri(link);
        var request = new HttpRequestMessage(HttpMethod.Post, link + "/comment")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["clause"] = clause, ["name"] = name, ["text"] = text, ["proposal"] = proposal }),
        };
        request.Headers.Add("Origin", origin ?? uri.GetLeftPart(UriPartial.Authority));
        return request;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/review/[A-Za-z0-9_-]+")]
    public static partial Regex Link();
}
