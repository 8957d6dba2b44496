# Builds Morgue from this repository and runs it against the database named by SPRING_DATASOURCE_URL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY db db
COPY src src
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/morgue.jar morgue.jar
ENV MORGUE_DATA_DIR=/var/lib/morgue
VOLUME /var/lib/morgue
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/morgue.jar"]
