# Image of one application node, used by docker-compose.yml. Build the jar first: mvn -DskipTests package
FROM eclipse-temurin:17-jre
RUN groupadd --system privacy && useradd --system --gid privacy --home-dir /app privacy
WORKDIR /app
COPY target/*.jar /app/privacy-processes.jar
# ./data is only used by the default demo profile (H2 file database); the postgres profile keeps nothing here.
RUN mkdir /app/data && chown privacy:privacy /app/data
USER privacy
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/privacy-processes.jar"]
