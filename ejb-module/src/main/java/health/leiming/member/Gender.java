package health.leiming.member;

public enum Gender {
    male, female, unknown
}
