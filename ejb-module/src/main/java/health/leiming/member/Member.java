package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import health.leiming.platform.Masking;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A registered member (会员), the seed's `users` row. Registered on first SMS login. */
@Entity
@Table(name = "users")
public class Member {

    @Id
    private String id;

    /** The purpose (FieldCipher) members' phone numbers are encrypted and indexed under. */
    public static final String PHONE = "users.phone";

    /** The phone in clear: only in rows written before phones were encrypted, until KeyRotation encrypts them. */
    @Column(length = 20)
    private String phone;

    @Column(name = "phone_cipher")
    private String phoneCipher;

    /** The blind index of the phone (FieldCipher.blindIndex): login and search find the member by it. */
    @Column(name = "phone_hash")
    private String phoneHash;

    private String name;

    private String avatar;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "membership_level", nullable = false)
    private String membershipLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status;

    /** The member's openid in the mini-program (set by the WeChat login); WeChat Pay pays with it. */
    @Column(name = "wechat_openid")
    private String wechatOpenid;

    /** When the member confirmed the request to delete the account (null: none pending). */
    @Column(name = "deletion_requested_at")
    private Instant deletionRequestedAt;

    /** When the cooling-off ends and the account may be erased, unless the member logs in before. */
    @Column(name = "erase_after")
    private Instant eraseAfter;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Member() {
    }

    public static Member register(PhoneNumber phone, FieldCipher cipher, Instant now) {
        Member member = new Member();
        member.id = Ids.newId();
        member.phoneCipher = cipher.encrypt(PHONE, phone.value());
        member.phoneHash = cipher.blindIndex(PHONE, phone.value());
        member.membershipLevel = "basic";
        member.status = MemberStatus.active;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /** Applies a profile edit; a birth date must lie in the past and not before 1900. */
    public void changeProfile(ProfileChanges changes, Instant now, LocalDate today) {
        if (changes.birthDate() != null
                && (changes.birthDate().isAfter(today) || changes.birthDate().isBefore(LocalDate.of(1900, 1, 1)))) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "BIRTH_DATE_INVALID", "出生日期不正确");
        }
        this.name = changes.name();
        this.avatar = changes.avatar();
        this.gender = changes.gender();
        this.birthDate = changes.birthDate();
        this.updatedAt = now;
    }

    /** An admin sets the membership level (the seed's basic, professional, premium). */
    public void setMembershipLevel(String level, Instant now) {
        if (!java.util.Set.of("basic", "professional", "premium").contains(level)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "LEVEL_INVALID", "会员等级只能是 basic、professional 或 premium");
        }
        membershipLevel = level;
        updatedAt = now;
    }

    /**
     * What is kept of an erased account for the orders that point at it: the random id they carry now, no
     * phone, no name, no openid.
     */
    static Member tombstone(String pseudonym, Instant now) {
        Member member = new Member();
        member.id = pseudonym;
        member.membershipLevel = "basic";
        member.status = MemberStatus.erased;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /** The member confirmed deleting the account: it is erased after the cooling-off, unless they log in. */
    void requestDeletion(Instant now, Duration coolingOff) {
        ensureMayLogIn();
        deletionRequestedAt = now;
        eraseAfter = now.plus(coolingOff);
        updatedAt = now;
    }

    /** Cancels a pending deletion; true when one was pending. */
    boolean cancelDeletion(Instant now) {
        if (deletionRequestedAt == null) {
            return false;
        }
        deletionRequestedAt = null;
        eraseAfter = null;
        updatedAt = now;
        return true;
    }

    Instant deletionRequestedAt() {
        return deletionRequestedAt;
    }

    Instant eraseAfter() {
        return eraseAfter;
    }

    String name() {
        return name;
    }

    public void setStatus(MemberStatus status, Instant now) {
        if (this.status == MemberStatus.erased) {
            throw new BusinessException(ErrorKind.CONFLICT, "ACCOUNT_ERASED", "该账号已注销");
        }
        this.status = status;
        this.updatedAt = now;
    }

    public boolean isActive() {
        return status == MemberStatus.active;
    }

    public AdminMemberView adminView(FieldCipher cipher) {
        return new AdminMemberView(id, Masking.phone(phone(cipher)), name == null ? null : Masking.name(name), membershipLevel,
                status.name(), createdAt);
    }

    public void ensureMayLogIn() {
        if (status != MemberStatus.active) {
            throw new BusinessException(ErrorKind.FORBIDDEN, "ACCOUNT_DISABLED", "账号已停用，请联系客服");
        }
    }

    public MemberProfile profile(FieldCipher cipher) {
        return new MemberProfile(id, name, phone(cipher), avatar, gender, birthDate, membershipLevel, status, createdAt);
    }

    /** Links the mini-program account (openid) to this member. */
    public void linkWechat(String openid, Instant now) {
        this.wechatOpenid = openid;
        this.updatedAt = now;
    }

    public String wechatOpenid() {
        return wechatOpenid;
    }

    public String id() {
        return id;
    }

    /** The phone number in clear (null for an erased account's tombstone). */
    LocalDate birthDate() {
        return birthDate;
    }

    public String phone(FieldCipher cipher) {
        return phoneCipher != null ? cipher.decrypt(PHONE, phoneCipher) : phone;
    }

    /** Encrypts a phone written in clear before, or re-encrypts under the current key (KeyRotation). */
    void rotatePhone(FieldCipher cipher) {
        String plain = FieldCipher.isEncrypted(phoneCipher) ? cipher.decrypt(PHONE, phoneCipher) : phone;
        if (plain != null) {
            phoneCipher = cipher.encrypt(PHONE, plain);
            phoneHash = cipher.blindIndex(PHONE, plain);
            phone = null;
        }
    }

    /** Sample data only: gives the sample member a name. */
    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }
}
