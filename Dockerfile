# Runtime image for Partnerflow in the cluster profile.
#
# The jar is built OUTSIDE Docker, on purpose: the build needs the JDK toolchain that
# maven-toolchains-plugin selects and npm for the front-end assets, neither of which this image
# carries. Build it first, then build the image:
#
#   ./mvnw -B package -DskipTests     # produces target/partnerflow-<version>.jar
#   docker compose build partnerflow  # or: docker build -t partnerflow:local .
#
# Configuration comes from the environment (see docs/cluster.md); nothing secret is baked in.
FROM eclipse-temurin:21.0.8_9-jre

RUN groupadd --system partnerflow && useradd --system --gid partnerflow --home-dir /app partnerflow
WORKDIR /app

# Exactly one jar is expected in target/ (the spring-boot-maven-plugin repackaged one; the
# .original file does not match the pattern).
COPY target/partnerflow-*.jar /tmp/partnerflow.jar

# Extracted jar plus a class data archive from one training start (README.md, "Start time"): the
# training runs the self-contained embedded profile, because no cluster or database is reachable
# while the image is built, and stops by itself once the service has started.
RUN java -Djarmode=tools -jar /tmp/partnerflow.jar extract --destination /app/service \
 && rm /tmp/partnerflow.jar \
 && java -XX:ArchiveClassesAtExit=/app/service/partnerflow.jsa -Dspring.context.exit=onRefresh \
      -jar /app/service/partnerflow.jar --spring.profiles.active=embedded \
 && chown -R partnerflow:partnerflow /app \
 && mkdir -p /var/lib/partnerflow/attachments \
 && chown -R partnerflow:partnerflow /var/lib/partnerflow

USER partnerflow
# 8080: UI and API; 8081: the actuator (PARTNERFLOW_MANAGEMENT_PORT), for probes and scrapers only.
EXPOSE 8080 8081
ENV SPRING_PROFILES_ACTIVE=cluster \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=5000"

# curl ships with the eclipse-temurin Ubuntu images.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://localhost:${PARTNERFLOW_MANAGEMENT_PORT:-8081}/actuator/health/readiness" || exit 1

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/service/partnerflow.jsa", "-jar", "/app/service/partnerflow.jar"]
