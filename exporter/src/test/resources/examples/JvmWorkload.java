import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

/**
 * The workload of the JVM example tests, run by source launch ({@code java JvmWorkload.java N})
 * on every JDK the tests cover, so it keeps to Java 17. It prints "ready", waits for a line on
 * stdin so the exporter can attach to its probes, then starts N threads, allocates and collects,
 * loads classes, runs a hot loop for the JIT and contends for a monitor; it prints "done" and
 * exits at the end of stdin.
 */
public class JvmWorkload {
    private static final Object LOCK = new Object();
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        if (in.readLine() == null) {
            return;
        }
        startThreads(threads);
        collectGarbage();
        loadClasses();
        compile();
        contend();
        System.out.println("done " + sink);
        while (in.readLine() != null) {
            // waits for the test to scrape
        }
    }

    private static void startThreads(int count) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> sink++, "workload-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void collectGarbage() {
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            kept.add(new byte[1 << 20]);
            if (kept.size() > 16) {
                kept.clear();
            }
        }
        System.gc();
        sink += kept.size();
    }

    private static void loadClasses() throws ClassNotFoundException {
        // Each proxy interface gets a class generated for it, and each lambda a hidden class.
        Class<?>[] interfaces = {Runnable.class, IntSupplier.class, Comparable.class, AutoCloseable.class};
        for (Class<?> type : interfaces) {
            Object proxy = Proxy.newProxyInstance(JvmWorkload.class.getClassLoader(), new Class<?>[] {type},
                    (self, method, arguments) -> null);
            sink += proxy.getClass().getName().length();
        }
        IntSupplier a = () -> 1;
        IntSupplier b = () -> 2;
        IntSupplier c = () -> 3;
        sink += a.getAsInt() + b.getAsInt() + c.getAsInt();
        for (String name : new String[] {"java.util.concurrent.ConcurrentSkipListMap", "java.util.zip.Adler32",
                "java.text.DecimalFormatSymbols", "java.util.BitSet"}) {
            sink += Class.forName(name).getName().length();
        }
    }

    private static void compile() {
        long total = 0;
        for (int i = 0; i < 2_000_000; i++) {
            total += mix(i);
        }
        sink += total;
    }

    private static long mix(long value) {
        return (value * 31) ^ (value >>> 7);
    }

    private static void contend() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                synchronized (LOCK) {
                    held.countDown();
                    pause(50);
                }
            }, "holder-" + round);
            holder.start();
            held.await(); // the holder has the monitor, however late it was scheduled
            synchronized (LOCK) { // blocks until the holder leaves
                sink++;
            }
            holder.join();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
