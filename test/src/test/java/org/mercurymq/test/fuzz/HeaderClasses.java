package org.mercurymq.test.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.mercurymq.remoting.CommandCustomHeader;

/** Every CommandCustomHeader class of Mercury's header package, found on the class path. */
final class HeaderClasses {
    private static final String PACKAGE = "org.mercurymq.remoting.protocol.header";

    private HeaderClasses() {
    }

    static List<Class<? extends CommandCustomHeader>> all() {
        List<String> names = new ArrayList<>();
        String path = PACKAGE.replace('.', '/');
        try {
            Enumeration<URL> roots = HeaderClasses.class.getClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(path + "/") && n.endsWith(".class") && n.indexOf('/', path.length() + 1) < 0) {
                                names.add(n.substring(path.length() + 1, n.length() - 6));
                            }
                        }
                    }
                } else {
                    try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 6)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<? extends CommandCustomHeader>> classes = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = Class.forName(PACKAGE + "." + n);
                if (CommandCustomHeader.class.isAssignableFrom(c) && !c.isInterface()
                    && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                    classes.add(c.asSubclass(CommandCustomHeader.class));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        classes.sort(java.util.Comparator.comparing(Class::getName));
        if (classes.isEmpty()) {
            throw new IllegalStateException("no header classes found in " + PACKAGE);
        }
        return classes;
    }
}
