package health.leiming.web.platform;

import health.leiming.platform.ConsentKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The consents a member must have accepted (current versions) before this resource processes their
 * data; otherwise 403 CONSENT_REQUIRED naming the documents to accept (ConsentFilter). On a class or
 * a method (the method's wins). Staff and admins are not asked: they act under the hospital's rules.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresConsent {

    ConsentKind[] value();
}
