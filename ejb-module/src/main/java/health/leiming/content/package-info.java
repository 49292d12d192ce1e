/**
 * Health knowledge (articles, likes, recommendations) and the AI interpretation of reports, readings
 * and lab sheets (rules, or a model through integration). Owns health_knowledge, knowledge_tags,
 * knowledge_likes and ai_interpretations. Uses health, member, integration and platform.
 */
package health.leiming.content;
