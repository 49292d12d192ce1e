/**
 * Members and their people: accounts, SMS and WeChat login, tokens, the member profile, family members
 * (就诊人) with encrypted ID card numbers, admin accounts and member administration. Owns users,
 * persons, sms_codes, sms_throttles, refresh_tokens, admins. Uses platform and integration.
 */
package health.leiming.member;
