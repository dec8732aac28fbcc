DROP TABLE classpath_one;
