-- packaged with the application: read from the class path
CREATE TABLE classpath_one (id integer);
