package dev.diyc.view;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.diyc.ns.Context;
import dev.diyc.ns.Namespace;
import java.util.Arrays;
import java.util.List;

/** One row per namespace type: two contexts' inodes (the host's and a container's, usually) and whether they are shared. */
public final class NsTable {
    private NsTable() {}

    public static String render(Context left, Context right) {
        List<String[]> rows = Arrays.stream(Namespace.values()).map(n -> {
            String h = inode(left.namespace(n));
            String c = inode(right.namespace(n));
            return new String[] {n.procName(), h, c, h.equals(c) ? "shared" : "isolated"};
        }).toList();
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, rows, Arrays.asList(
                new Column().header("namespace").dataAlign(HorizontalAlign.LEFT).with(r -> r[0]),
                new Column().header(header(left)).dataAlign(HorizontalAlign.RIGHT).with(r -> r[1]),
                new Column().header(header(right)).dataAlign(HorizontalAlign.RIGHT).with(r -> r[2]),
                new Column().header("").dataAlign(HorizontalAlign.LEFT).with(r -> r[3])));
    }

    private static String header(Context c) {
        return c.name().equals("host") ? "host" : c.name() + " [" + c.pid() + "]";
    }

    private static String inode(String id) {
        if (id == null) {
            return "-";
        }
        int open = id.indexOf('[');
        return open < 0 ? id : id.substring(open + 1, id.length() - 1);
    }
}
