package health.leiming.member;

public enum MemberStatus {
    active, inactive, suspended,
    /** What is left of an erased account for the orders the law keeps: a random id, nothing else. */
    erased
}
