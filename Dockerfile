# One image per application of the platform, all from one build of the project:
#   docker build --build-arg MODULE=services/proposals -t roundtable/proposals .
# MODULE is the module's folder: services/<name>, gateway or web.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY services services
COPY gateway gateway
COPY web web
COPY infrastructure infrastructure
# the same build for every image, so Docker builds it once and reuses the layer
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -Dmaven.test.skip=true \
      -pl services/proposals,services/participation,services/commissioning,services/outcomes,services/audit,services/witness,gateway,web \
      -am package

FROM eclipse-temurin:17-jre AS application
ARG MODULE
RUN test -n "$MODULE" || (echo "build with --build-arg MODULE=<module folder>" && false)
RUN useradd --system --create-home --home-dir /var/lib/roundtable roundtable \
    && mkdir /var/lib/roundtable/audit /var/lib/roundtable/witness \
    && chown roundtable /var/lib/roundtable/audit /var/lib/roundtable/witness
WORKDIR /var/lib/roundtable
COPY --from=build /src/${MODULE}/target/*-exec.jar /opt/roundtable/application.jar
USER roundtable
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/roundtable/application.jar"]
