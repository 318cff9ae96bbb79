# syntax=docker/dockerfile:1
# UMeeting Reports: build with the .NET 10 SDK (plus Node/npm for the browser libraries), run on the ASP.NET 10 runtime.
# Not exercised by the tests (no container engine runs where they do); kept correct by reading.
#   docker build -t umeeting-reports .
#   docker run --rm -p 8080:8080 -e UMeeting__Mode=Demo umeeting-reports   # demo mode: sign in as admin / admin
#   docker run --rm -p 8080:8080 -e UMeeting__BaseUrl=... -e UMeeting__ApiKey=... -e UMeeting__ApiSecret=... \
#     -e Auth__Users__0__Name=... -e Auth__Users__0__PasswordHash=... -e Auth__Users__0__Role=Admin umeeting-reports

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The SDK image is Ubuntu 24.04; its Node.js and npm are enough for the `npm ci` and libman restore that the build runs
# by itself (build/ClientLibraries.targets).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Project and package files first, so the restore layer is reused until one of them changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY package.json package-lock.json libman.json ./
COPY build/ build/
COPY src/Core/Core.csproj src/Core/
COPY src/Simulator/Simulator.csproj src/Simulator/
COPY src/Web/Web.csproj src/Web/
# Published for the image's runtime identifier so that the assemblies are precompiled (ReadyToRun, src/Web/Web.csproj):
# the first archive fill happens at the container's first start, before the JIT has compiled anything.
ARG TARGETARCH
RUN case "${TARGETARCH:-amd64}" in amd64) echo linux-x64 ;; arm64) echo linux-arm64 ;; *) exit 1 ;; esac >/tmp/rid \
    && dotnet restore src/Web/Web.csproj -r "$(cat /tmp/rid)"

COPY src/ src/
RUN dotnet publish src/Web/Web.csproj -c Release -r "$(cat /tmp/rid)" --self-contained false -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The runtime image has neither curl nor wget; curl is the one small, obvious way for HEALTHCHECK to ask /healthz.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The archive (SQLite, the default, with the sign-in keys in it) lives in /app/data: a volume, owned by the app user,
# so it survives the container. Background downloads go to /app/data/exports (0700); several instances mount one
# volume there (compose.yaml), which starts with this folder's owner and mode.
RUN mkdir -p /app/data/exports && chown -R "$APP_UID" /app/data && chmod 700 /app/data/exports
VOLUME /app/data

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The image's unprivileged "app" user. Sign-in keys live in the archive's database (the file in /app/data, or PostgreSQL).
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "UMeetingReports.Web.dll"]
