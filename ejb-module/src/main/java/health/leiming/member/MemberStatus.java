package health.leiming.member;

public enum MemberStatus {
    active, inactive, suspended
}
