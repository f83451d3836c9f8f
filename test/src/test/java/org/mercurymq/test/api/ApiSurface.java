package org.mercurymq.test.api;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Compares the public API of official classes with their Mercury counterparts by reflection. Names are mapped
 * {@code org.apache.rocketmq} to {@code org.mercurymq}; everything else (erased and generic parameter and return
 * types, declared checked exceptions, modifiers that decide how a caller uses a member, constant values) must match.
 *
 * <p>Each difference is a {@link Finding} whose key is stable and readable ({@code client.consumer.X#m(String)}), so
 * an allow-list can name it. Not thread-safe; one instance per check.
 */
final class ApiSurface {
    static final String APACHE = "org.apache.rocketmq.";
    static final String MERCURY = "org.mercurymq.";

    /** One difference; {@code key} is what an allow-list names, {@code detail} says what differs. */
    static final class Finding {
        final String key;
        final String detail;

        Finding(String key, String detail) {
            this.key = key;
            this.detail = detail;
        }

        @Override
        public String toString() {
            return key + (detail.isEmpty() ? "" : "  -- " + detail);
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    private int classes;
    private int members;

    int classesChecked() {
        return classes;
    }

    int membersChecked() {
        return members;
    }

    List<Finding> findings() {
        return findings;
    }

    /** The public top-level and nested classes of {@code packages} (exact packages, not sub-packages) in a jar. */
    static List<String> publicClassesIn(Class<?> anyClassOfTheJar, Collection<String> packages) {
        Path jar;
        try {
            jar = Path.of(anyClassOfTheJar.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : file.stream().collect(Collectors.toList())) {
                String name = e.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                String cls = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String pkg = cls.substring(0, cls.lastIndexOf('.'));
                if (packages.contains(pkg) && isApi(load(cls))) {
                    out.add(cls);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
        return new ArrayList<>(out);
    }

    /** Public, named, and (if nested) reachable through public enclosing classes. */
    private static boolean isApi(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSurface.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static String mercuryName(String apacheName) {
        return apacheName.startsWith(APACHE) ? MERCURY + apacheName.substring(APACHE.length()) : apacheName;
    }

    /** A readable short name: {@code client.consumer.PullResult}, {@code String}, {@code List<MessageExt>}. */
    static String shortName(String typeName) {
        return typeName.replace(APACHE, "").replace(MERCURY, "").replace("java.lang.", "").replace("java.util.", "")
            .replace('$', '.');
    }

    /** Checks one official class against its Mercury counterpart. */
    void check(String apacheName) {
        Class<?> a = load(apacheName);
        Objects.requireNonNull(a, apacheName);
        classes++;
        String key = shortName(apacheName);
        Class<?> m = load(mercuryName(apacheName));
        if (m == null) {
            findings.add(new Finding(key, "class missing"));
            return;
        }
        checkKind(key, a, m);
        boolean subclassable = !Modifier.isFinal(a.getModifiers()) && !a.isEnum();
        for (Constructor<?> c : a.getDeclaredConstructors()) {
            if (visible(c, subclassable) && !a.isEnum()) {
                checkConstructor(key, c, m);
            }
        }
        Map<String, Method> mercuryMethods = methods(m, true);
        for (Method am : methods(a, false).values()) {
            if (visible(am, subclassable)) {
                checkMethod(key, am, mercuryMethods);
            }
        }
        for (Field f : fields(a)) {
            if (visible(f, subclassable)) {
                checkField(key, f, m);
            }
        }
    }

    private void checkKind(String key, Class<?> a, Class<?> m) {
        if (a.isInterface() != m.isInterface() || a.isEnum() != m.isEnum() || a.isAnnotation() != m.isAnnotation()) {
            findings.add(new Finding(key, "kind differs: " + kind(a) + " vs " + kind(m)));
        }
        if (!Modifier.isAbstract(a.getModifiers()) && Modifier.isAbstract(m.getModifiers()) && !a.isInterface()) {
            findings.add(new Finding(key, "abstract in Mercury, concrete in RocketMQ"));
        }
        if (!Modifier.isFinal(a.getModifiers()) && Modifier.isFinal(m.getModifiers()) && !a.isEnum()) {
            findings.add(new Finding(key, "final in Mercury, subclassable in RocketMQ"));
        }
        if (a.getEnclosingClass() != null && Modifier.isStatic(a.getModifiers()) != Modifier.isStatic(m.getModifiers())) {
            findings.add(new Finding(key, "nested class static-ness differs"));
        }
        List<Class<?>> supers = new ArrayList<>(Arrays.asList(a.getInterfaces()));
        if (a.getSuperclass() != null) {
            supers.add(a.getSuperclass());
        }
        for (Class<?> s : supers) {
            Class<?> ms = load(mercuryName(s.getName()));
            if (ms != null && !ms.isAssignableFrom(m)) {
                findings.add(new Finding(key, "not a subtype of " + shortName(ms.getName())));
            }
        }
    }

    private static String kind(Class<?> c) {
        return c.isAnnotation() ? "annotation" : c.isInterface() ? "interface" : c.isEnum() ? "enum" : "class";
    }

    private void checkConstructor(String key, Constructor<?> c, Class<?> m) {
        members++;
        String sig = key + "#<init>" + params(c);
        for (Constructor<?> mc : m.getDeclaredConstructors()) {
            if (params(mc).equals(params(c))) {
                if (!visible(mc, true) || Modifier.isPublic(c.getModifiers()) && !Modifier.isPublic(mc.getModifiers())) {
                    findings.add(new Finding(sig, "less visible in Mercury"));
                } else {
                    compareThrows(sig, c, mc);
                    compareGeneric(sig, genericParams(c), genericParams(mc));
                }
                return;
            }
        }
        findings.add(new Finding(sig, "constructor missing"));
    }

    private void checkMethod(String key, Method am, Map<String, Method> mercuryMethods) {
        members++;
        String sig = key + "#" + am.getName() + params(am);
        Method mm = mercuryMethods.get(am.getName() + params(am));
        if (mm == null) {
            findings.add(new Finding(sig, "method missing"));
            return;
        }
        if (Modifier.isPublic(am.getModifiers()) && !Modifier.isPublic(mm.getModifiers())) {
            findings.add(new Finding(sig, "less visible in Mercury"));
        }
        if (Modifier.isStatic(am.getModifiers()) != Modifier.isStatic(mm.getModifiers())) {
            findings.add(new Finding(sig, "static-ness differs"));
        }
        if (!Modifier.isFinal(am.getModifiers()) && Modifier.isFinal(mm.getModifiers())) {
            findings.add(new Finding(sig, "final in Mercury"));
        }
        String ar = shortName(mercuryName(am.getGenericReturnType().getTypeName()));
        String mr = shortName(mm.getGenericReturnType().getTypeName());
        if (!ar.equals(mr)) {
            findings.add(new Finding(sig, "returns " + mr + ", RocketMQ returns " + ar));
        }
        compareThrows(sig, am, mm);
        compareGeneric(sig, genericParams(am), genericParams(mm));
    }

    private void checkField(String key, Field f, Class<?> m) {
        members++;
        String sig = key + "." + f.getName();
        Field mf = null;
        for (Field candidate : fields(m)) {
            if (candidate.getName().equals(f.getName())) {
                mf = candidate;
            }
        }
        if (mf == null || !visible(mf, true)) {
            findings.add(new Finding(sig, "field missing"));
            return;
        }
        String at = shortName(mercuryName(f.getGenericType().getTypeName()));
        String mt = shortName(mf.getGenericType().getTypeName());
        if (!at.equals(mt)) {
            findings.add(new Finding(sig, "type " + mt + ", RocketMQ " + at));
        }
        int constant = Modifier.STATIC | Modifier.FINAL;
        if ((f.getModifiers() & constant) == constant && (f.getType().isPrimitive() || f.getType() == String.class)) {
            if ((mf.getModifiers() & constant) != constant) {
                findings.add(new Finding(sig, "not a static final constant in Mercury"));
                return;
            }
            Object av = value(f);
            Object mv = value(mf);
            if (!Objects.equals(av, mv)) {
                findings.add(new Finding(sig, "value " + mv + ", RocketMQ " + av));
            }
        }
    }

    private static Object value(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private void compareThrows(String sig, Executable a, Executable m) {
        Set<String> at = checkedExceptions(a, true);
        Set<String> mt = checkedExceptions(m, false);
        if (!at.equals(mt) && !(cannotBeOverridden(a) && narrowerForCallers(a, m))) {
            findings.add(new Finding(sig, "throws " + mt + ", RocketMQ throws " + at));
        }
    }

    private void compareGeneric(String sig, String a, String m) {
        if (!a.equals(m)) {
            findings.add(new Finding(sig, "generic parameters " + m + ", RocketMQ " + a));
        }
    }

    private static boolean cannotBeOverridden(Executable e) {
        return e instanceof Constructor || Modifier.isStatic(e.getModifiers()) || Modifier.isFinal(e.getModifiers())
            || Modifier.isFinal(e.getDeclaringClass().getModifiers());
    }

    /**
     * A caller's code still compiles when Mercury declares fewer checked exceptions if each one Mercury declares is
     * covered by one RocketMQ declares, and each RocketMQ one Mercury drops is Exception or Throwable (a catch of
     * those is legal even when nothing throws them). Only for what cannot be overridden: an override must fit.
     */
    private static boolean narrowerForCallers(Executable a, Executable m) {
        for (Class<?> mx : m.getExceptionTypes()) {
            boolean covered = RuntimeException.class.isAssignableFrom(mx) || Error.class.isAssignableFrom(mx);
            for (Class<?> ax : a.getExceptionTypes()) {
                Class<?> mapped = load(mercuryName(ax.getName()));
                covered |= mapped != null && mapped.isAssignableFrom(mx);
            }
            if (!covered) {
                return false;
            }
        }
        for (Class<?> ax : a.getExceptionTypes()) {
            boolean kept = ax == Exception.class || ax == Throwable.class || RuntimeException.class.isAssignableFrom(ax)
                || Error.class.isAssignableFrom(ax);
            for (Class<?> mx : m.getExceptionTypes()) {
                kept |= mx.getName().equals(mercuryName(ax.getName()));
            }
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    /** Checked exceptions only: unchecked ones in a throws clause do not change what a caller must write. */
    private static Set<String> checkedExceptions(Executable e, boolean map) {
        Set<String> out = new TreeSet<>();
        for (Class<?> x : e.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(x) && !Error.class.isAssignableFrom(x)) {
                out.add(shortName(map ? mercuryName(x.getName()) : x.getName()));
            }
        }
        return out;
    }

    static String params(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(p -> shortName(mercuryName(p.getTypeName())))
            .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String genericParams(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        if (types.length != e.getParameterCount()) {
            return params(e); // inner-class constructors: generic info omits the outer instance
        }
        return Arrays.stream(types).map(p -> shortName(mercuryName(p.getTypeName())))
            .collect(Collectors.joining(", ", "(", ")"));
    }

    private static boolean visible(Member member, boolean protectedCounts) {
        int mod = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(mod) || protectedCounts && Modifier.isProtected(mod));
    }

    /**
     * Methods a caller can reach on {@code c}, by "name(params)". Official side: only those declared by RocketMQ
     * classes (Object's and Exception's are not the client's API). Mercury side: from the whole hierarchy.
     */
    private static Map<String, Method> methods(Class<?> c, boolean includeJdk) {
        Map<String, Method> out = new TreeMap<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        collect(c, seen);
        for (Class<?> k : seen) {
            if (!includeJdk && !k.getName().startsWith(APACHE)) {
                continue;
            }
            for (Method m : k.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                out.putIfAbsent(m.getName() + params(m), m);
            }
        }
        return out;
    }

    private static void collect(Class<?> c, Set<Class<?>> seen) {
        if (c == null || !seen.add(c)) {
            return;
        }
        collect(c.getSuperclass(), seen);
        for (Class<?> i : c.getInterfaces()) {
            collect(i, seen);
        }
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        collect(c, seen);
        for (Class<?> k : seen) {
            if (k.getName().startsWith(APACHE) || k.getName().startsWith(MERCURY)) {
                out.addAll(Arrays.asList(k.getDeclaredFields()));
            }
        }
        return out;
    }
}
