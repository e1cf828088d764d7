# Builds the fat jar and runs it through its launcher script (heap cap, class-data-sharing archive kept in /data).
# Without DATABASE_URL it runs its own embedded PostgreSQL in /data; docker-compose.yml can add a PostgreSQL service.
FROM node:20-bookworm AS ui
WORKDIR /src/ui
COPY ui/package.json ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY ui/ ./
RUN npm run build

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY ui/pom.xml ui/
COPY server/pom.xml server/
COPY db/ db/
COPY server/src server/src
COPY --from=ui /src/ui/target/classes ui/target/classes
RUN mvn -B -q package -DskipTests -Dui.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --uid 10001 fitcoach && mkdir /data && chown fitcoach /data
COPY --from=build /src/server/target/fitcoach.jar /src/server/target/fitcoach /app/
USER fitcoach
ENV HOST=0.0.0.0 PORT=8080 FITCOACH_DATA_DIR=/data FITCOACH_CDS_DIR=/data/cds FITCOACH_HEAP=512m
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/app/fitcoach"]
