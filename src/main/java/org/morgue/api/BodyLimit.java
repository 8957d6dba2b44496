package org.morgue.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes the request body of an API handler may have: {@link #value()}, plus
 * {@link #copies()} times the configured limit on copy
 * ({@code morgue.ingest.max-body-bytes}) for a body that carries copy.
 * {@link BodyLimitAdvice} holds the body to it while reading, and a body over it is
 * answered 413. Every handler with a {@code @RequestBody} declares one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface BodyLimit {

	/** Bytes, besides the copies. */
	long value() default 0;

	/**
	 * How many times {@code morgue.ingest.max-body-bytes} the body may have besides: 1
	 * for copy as it is, 2 for copy inside a JSON string, whose escapes can double it. A
	 * body over a limit with copies is answered with the configured limit, which is what
	 * the client can act on.
	 */
	int copies() default 0;

	/** The field a body over the limit is reported under. */
	String field() default "body";

}
