CREATE TABLE spring_classpath_gadget (id bigint PRIMARY KEY);
