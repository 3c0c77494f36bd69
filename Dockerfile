# The bot host. Build:  docker build -t botplatform .
# Run:    docker run -e Telegram__Token=123456:ABC -v botplatform-data:/data -p 8080:8080 botplatform
# The printing agent is published separately (dotnet publish printing-agent/BotPlatform.PrintingAgent).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BotPlatform.sln ./
COPY core/BotPlatform.Core/BotPlatform.Core.csproj core/BotPlatform.Core/
COPY core/BotPlatform.Infrastructure/BotPlatform.Infrastructure.csproj core/BotPlatform.Infrastructure/
COPY jobs/BotPlatform.Jobs/BotPlatform.Jobs.csproj jobs/BotPlatform.Jobs/
COPY bot/BotPlatform.Bot/BotPlatform.Bot.csproj bot/BotPlatform.Bot/
COPY sandbox/BotPlatform.BotApiEmulator/BotPlatform.BotApiEmulator.csproj sandbox/BotPlatform.BotApiEmulator/
RUN dotnet restore bot/BotPlatform.Bot/BotPlatform.Bot.csproj
COPY core/ core/
COPY jobs/ jobs/
COPY bot/ bot/
COPY sandbox/ sandbox/
RUN dotnet publish bot/BotPlatform.Bot/BotPlatform.Bot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check; tzdata for the organisation's time zone (Europe/Moscow by default);
# the DejaVu fonts the PDF renderer embeds (Cyrillic).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tzdata fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown app:app /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataFolder=/data
VOLUME /data
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "BotPlatform.Bot.dll"]
