-- Consent under PIPL (issue 16): the documents a member accepts, versioned and never edited once
-- published (a new text is a new version), and every acceptance and withdrawal as an append-only
-- record. A member's current answer for a kind is their latest record for it. Standard SQL, for H2 and PostgreSQL.

CREATE TABLE consent_documents (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  kind         VARCHAR(30)  NOT NULL,
  version      INT          NOT NULL,
  title        VARCHAR(100) NOT NULL,
  body         TEXT NOT NULL,
  published_at TIMESTAMP(6) NOT NULL,
  published_by VARCHAR(36),
  CONSTRAINT uk_consent_documents_kind_version UNIQUE (kind, version),
  CONSTRAINT ck_consent_documents_kind CHECK (kind IN ('privacy_policy', 'health_data', 'id_card', 'family_data', 'ai_model'))
);

CREATE TABLE consent_records (
  id             VARCHAR(36) NOT NULL PRIMARY KEY,
  member_id      VARCHAR(36) NOT NULL,
  kind           VARCHAR(30) NOT NULL,
  version        INT         NOT NULL,
  action         VARCHAR(10) NOT NULL,
  occurred_at    TIMESTAMP(6) NOT NULL,
  request_id     VARCHAR(64),
  client_address VARCHAR(45),
  CONSTRAINT ck_consent_records_action CHECK (action IN ('accepted', 'withdrawn'))
);
CREATE INDEX idx_consent_records_member ON consent_records (member_id, kind, occurred_at);

-- The first versions, so that a new installation works at once. The hospital (the personal-information
-- handler) publishes its own texts as new versions through the admin API before going live.
INSERT INTO consent_documents (id, kind, version, title, body, published_at, published_by) VALUES
('00000000-0000-4000-8000-000000000101', 'privacy_policy', 1, '隐私政策',
 '本服务由医院作为个人信息处理者运营。我们收集您的手机号用于登录和通知，收集您和家人的健康数据用于记录、趋势分析、健康报告和风险提醒，收集订单和支付信息用于陪诊等服务。我们不会将您的个人信息用于上述目的以外的用途，不会出售您的个人信息。您可以查阅、复制、更正和删除您的个人信息，撤回同意，或注销账号。（此为初始版本，医院上线前应发布本院的正式文本。）',
 CURRENT_TIMESTAMP, NULL),
('00000000-0000-4000-8000-000000000102', 'health_data', 1, '健康数据处理单独同意',
 '健康数据属于敏感个人信息。您同意我们处理您和您添加的家庭成员的健康数据（血压、血糖、体重等测量记录、健康档案、健康计划和报告），用于趋势分析、健康报告和风险提醒。撤回同意后，我们将停止处理新的健康数据，您可以申请删除已有数据。',
 CURRENT_TIMESTAMP, NULL),
('00000000-0000-4000-8000-000000000103', 'id_card', 1, '身份证号处理单独同意',
 '身份证号属于敏感个人信息。您同意我们为预约挂号和陪诊服务保存您和家庭成员的身份证号，加密存储，仅在办理业务时使用，向您展示时脱敏。',
 CURRENT_TIMESTAMP, NULL),
('00000000-0000-4000-8000-000000000104', 'family_data', 1, '家庭成员信息单独同意',
 '您添加家庭成员（就诊人）时，应已取得其同意；家庭成员不满十四周岁的，您应是其监护人并代为同意。我们处理家庭成员的信息仅用于为其记录健康数据和提供服务。',
 CURRENT_TIMESTAMP, NULL),
('00000000-0000-4000-8000-000000000105', 'ai_model', 1, 'AI解读单独同意',
 '您同意在医院配置了AI模型时，将您选择解读的健康数据（不含姓名、手机号和身份证号）发送给该模型以生成解读。不同意时，解读仅由本地规则生成。',
 CURRENT_TIMESTAMP, NULL);

-- A child under 14 is added only with the member's declaration that they are the guardian and consent
-- for the child (PIPL art. 31); when it was made.
ALTER TABLE persons ADD COLUMN guardian_consent_at TIMESTAMP(6);
