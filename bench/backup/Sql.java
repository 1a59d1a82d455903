import java.sql.DriverManager;

/** Runs SQL statements on a database (user postgres, no password: the bench's embedded server); prints the last result. */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (var con = DriverManager.getConnection(args[0], "postgres", "")) {
            for (int i = 1; i < args.length; i++) {
                try (var st = con.createStatement()) {
                    if (st.execute(args[i])) {
                        try (var rs = st.getResultSet()) {
                            if (rs.next()) {
                                System.out.println(rs.getString(1));
                            }
                        }
                    }
                }
            }
        }
    }
}
