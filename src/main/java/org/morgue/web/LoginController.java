package org.morgue.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/**
	 * The sign-in page; {@code wait} is the seconds a throttled sign-in must wait, shown
	 * only as a number so that a link cannot put words of its own on the page.
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String wait, Model model) {
		if (wait != null && wait.matches("[0-9]{1,4}")) {
			model.addAttribute("waitSeconds", Integer.parseInt(wait));
		}
		return "login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/articles";
	}

}
