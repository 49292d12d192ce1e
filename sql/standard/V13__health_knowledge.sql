-- Knowledge base (issue 7, seed: health_knowledge): articles with sanitised rich text, tags in their
-- own table (lists by tag), one like per member and article.

CREATE TABLE health_knowledge (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  title          VARCHAR(200) NOT NULL,
  content        TEXT NOT NULL,
  summary        VARCHAR(300) NOT NULL,
  category       VARCHAR(50)  NOT NULL,
  source         VARCHAR(100),
  author         VARCHAR(100),
  is_recommended BOOLEAN      NOT NULL,
  view_count     BIGINT       NOT NULL,
  like_count     BIGINT       NOT NULL,
  is_published   BOOLEAN      NOT NULL,
  published_at   TIMESTAMP(6),
  created_at     TIMESTAMP(6) NOT NULL,
  updated_at     TIMESTAMP(6) NOT NULL,
  version        BIGINT       NOT NULL
);
CREATE INDEX idx_knowledge_category ON health_knowledge (category, is_published);
CREATE INDEX idx_knowledge_published ON health_knowledge (is_published, published_at);

CREATE TABLE knowledge_tags (
  article_id VARCHAR(36) NOT NULL,
  tag        VARCHAR(30) NOT NULL,
  PRIMARY KEY (article_id, tag),
  CONSTRAINT fk_knowledge_tags_article FOREIGN KEY (article_id) REFERENCES health_knowledge (id) ON DELETE CASCADE
);
CREATE INDEX idx_knowledge_tags_tag ON knowledge_tags (tag);

CREATE TABLE knowledge_likes (
  article_id VARCHAR(36) NOT NULL,
  member_id  VARCHAR(36) NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (article_id, member_id),
  CONSTRAINT fk_knowledge_likes_article FOREIGN KEY (article_id) REFERENCES health_knowledge (id) ON DELETE CASCADE,
  CONSTRAINT fk_knowledge_likes_member FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE
);
