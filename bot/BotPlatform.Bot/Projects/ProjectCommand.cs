using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary>/project new (the dialog), /project (my projects), /project NUMBER (the card). Private chat only.</summary>
public sealed class ProjectCommand(ProjectDialog dialog, ProjectDesk desk, ProjectViews views, ArchiveSending archive, BillingSubcommand billing,
    Finance.ProjectSalesCommand sales) : NewOrNumberCommand
{
    public override string Command => "project";

    protected override Core.Localization.Text PrivateOnly => ProjectTexts.PrivateOnly;

    protected override Task BareAsync(UpdateContext context, CancellationToken ct) => ListAsync(context, ct);

    protected override Task StartNewAsync(UpdateContext context, CancellationToken ct) => dialog.StartAsync(context, ct);

    protected override async Task OpenAsync(UpdateContext context, string[] args, CancellationToken ct)
    {
        if (await desk.FindAsync(args[0], ct) is not { } project)
        {
            context.ReplyProblem(new Problem(ProjectProblems.NotFound, args[0]));
            return;
        }
        if (BillingSubcommand.Matches(args))
        {
            await billing.HandleAsync(context, project, args, ct);
            return;
        }
        if (Finance.ProjectSalesCommand.Handles(args))
        {
            await sales.HandleAsync(context, project, args, ct);
            return;
        }
        if (ArchiveSending.IsArchive(args))
        {
            await archive.SendAsync(context, project, ct);
            return;
        }
        await views.SendCardAsync(context, project, ct);
    }

    private async Task ListAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        var mine = await desk.MineAsync(person, ct);
        if (mine.Count == 0)
        {
            context.Reply(ProjectTexts.NoProjects);
            return;
        }
        context.Reply(ProjectTexts.MyProjects.In(context.Lang), mine.Take(30).Select(ProjectViews.OpenButton));
    }
}

/// <summary>"prj:open:ID": the card of a project from the list.</summary>
public sealed class ProjectCardCallback(IProjectStore projects, ProjectViews views) : ICallbackHandler
{
    public string Prefix => ProjectViews.CardPrefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } || data is not [_, ProjectViews.OpenAction, var idText]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await projects.GetAsync(id, ct) is not { } project)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        await views.SendCardAsync(context, project, ct);
    }
}

public sealed class ProjectFlow(ProjectDialog dialog) : IConversationFlow
{
    public string Flow => ProjectDialog.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(context, conversation, ct);
}

public sealed class ProjectDialogCallback(ProjectDialog dialog) : ICallbackHandler
{
    public string Prefix => ProjectDialog.Prefix;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(context, data, ct);
}

public static class ProjectHandlers
{
    public static IServiceCollection AddProjectHandlers(this IServiceCollection services) => services
        .AddScoped<ProjectDialog>()
        .AddScoped<ProjectViews>()
        .AddScoped<GroupLinking>()
        .AddScoped<IGroupStartHandler>(s => s.GetRequiredService<GroupLinking>())
        .AddScoped<ICommandHandler, LinkCommand>()
        .AddScoped<ICommandHandler, TimeCommand>()
        .AddScoped<IServiceUpdateHandler, GroupMessageHandler>()
        .AddScoped<ICallbackHandler, TaskCallback>()
        .AddScoped<ICallbackHandler, ClientDecisionCallback>()
        .AddScoped<IConversationFlow, TaskResultFlow>()
        .AddScoped<IConversationFlow, TaskReturnFlow>()
        .AddScoped<IConversationFlow, RevisionFlow>()
        .AddScoped<ICommandHandler, ProjectCommand>()
        .AddScoped<ICallbackHandler, ProjectCardCallback>()
        .AddScoped<IConversationFlow, ProjectFlow>()
        .AddScoped<ICallbackHandler, ProjectDialogCallback>()
        .AddScoped<ArchiveSending>()
        .AddScoped<BillingSubcommand>()
        .AddScoped<ICommandHandler, TaskCommand>()
        .AddScoped<IUpdateRecorder, GroupArchiveRecorder>()
        .AddSingleton<Telegram.ISentMessageObserver, GroupArchiveRecorder.Sent>();
}
