-- The product's own tables live in schema "privacy" (Flyway), apart from the engine's tables.
-- Later migrations add one capability's tables each.
CREATE TABLE privacy_schema_info (
  id INT PRIMARY KEY,
  description VARCHAR(200) NOT NULL
);
INSERT INTO privacy_schema_info (id, description) VALUES (1, 'Privacy processes product schema');
