package io.indobase.realtime.security.payara;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.security.auth.Subject;

/**
 * The realm login step of Payara's realm identity store ({@code @RealmIdentityStoreDefinition}). That store's
 * {@code validate} logs the caller in to the realm and then refuses the result when the Subject holds no group
 * (Payara 6.2025.10); its protected {@code Subject login(UsernamePasswordCredential, String realm)} is the login
 * alone, which is what a sign-in that does not require a group needs.
 */
public final class RealmStoreLogin {

    static final String PAYARA_STORE = "fish.payara.security.realm.identitystores.RealmIdentityStore";

    private final IdentityStore store;
    private final Method login;

    private RealmStoreLogin(IdentityStore store, Method login) {
        this.store = store;
        this.login = login;
    }

    /**
     * @return the login step of Payara's realm store among the application's identity store beans, or null when there
     *         is none. The store is taken from its context, not through a client proxy, whose class may implement the
     *         interface only.
     */
    public static RealmStoreLogin find(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(IdentityStore.class, Any.Literal.INSTANCE)) {
            Object store = contextual(beans, bean);
            Method login = store instanceof IdentityStore ? loginStep(store.getClass()) : null;
            if (login != null) {
                return new RealmStoreLogin((IdentityStore) store, login);
            }
        }
        return null;
    }

    private static <T> Object contextual(BeanManager beans, Bean<T> bean) {
        try {
            CreationalContext<T> creation = beans.createCreationalContext(bean);
            return beans.getContext(bean.getScope()).get(bean, creation);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @return the Subject of the caller the realm logged in, with its groups (possibly none)
     * @throws SecurityException     when the realm refuses the credential
     * @throws IllegalStateException when the realm cannot be asked
     */
    public Subject login(UsernamePasswordCredential credential, String realm) {
        try {
            return (Subject) login.invoke(store, credential, realm);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SecurityException refused) {
                throw refused;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(e.toString());
        }
    }

    private static Method loginStep(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(PAYARA_STORE)) {
                try {
                    Method method = c.getDeclaredMethod("login", UsernamePasswordCredential.class, String.class);
                    if (!Subject.class.isAssignableFrom(method.getReturnType())) {
                        return null;
                    }
                    method.setAccessible(true);
                    return method;
                } catch (NoSuchMethodException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
