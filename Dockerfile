# Multi-stage build of study-service (Quarkus fast-jar).
#   docker build -t study-service:<version> .
# The app is compiled for Java 17 (maven.compiler.release) and runs on a Java 21 JRE.

############################ build stage ############################
FROM maven:3.9.12-eclipse-temurin-21-noble AS build
WORKDIR /build

# The image's own mvn (3.9.12, the version the wrapper pins) is used instead of ./mvnw: the wrapper is
# distributionType=only-script and would download the same Maven a second time inside the build.
COPY pom.xml ./
COPY .mvn/ .mvn/
# Dependency layer, rebuilt only when pom.xml or .mvn/ change. dependency:go-offline alone misses the
# Quarkus deployment artifacts that the build goal resolves, so quarkus:go-offline fetches those too.
RUN mvn -B -q dependency:go-offline quarkus:go-offline

COPY src/ src/
RUN mvn -B -ntp -DskipTests package

############################ runtime stage ##########################
FROM eclipse-temurin:21.0.10_7-jre-noble

# Fixed numeric UID/GID so Kubernetes can check runAsNonRoot / runAsUser 10001.
RUN groupadd --system --gid 10001 study \
 && useradd --system --uid 10001 --gid 10001 --home-dir /deployments --no-create-home \
            --shell /usr/sbin/nologin study

WORKDIR /deployments

# Same four layers and order as Quarkus' generated Dockerfile.jvm: dependencies first (change rarely),
# application classes last (change on every commit).
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 10001:10001
# 8080: the API and /q/health/*; 9000: the management interface (/q/metrics), for the monitoring namespace only.
EXPOSE 8080 9000

# No HEALTHCHECK: Kubernetes ignores Docker's HEALTHCHECK and uses the startup/readiness/liveness probes
# on /q/health/* (k8s/base/deployment.yaml); a second check loop in the container would only add load.
# The base image's ENTRYPOINT (/__cacert_entrypoint.sh, optional CA import) is replaced on purpose.

# Heap is sized from the container memory limit (75 %); an OOM kills the JVM so the pod gets restarted
# instead of limping on. JAVA_TOOL_OPTIONS can add further flags (it cannot override these: the JVM
# reads it before the command line).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar"]
